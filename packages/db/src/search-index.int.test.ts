import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withDeferredSearchIndex } from './search-index.ts';
import { createTestDb, type TestDb } from './testing.ts';

// The same writes, row-by-row and deferred, must leave the same customer-search index behind.
describe('withDeferredSearchIndex', () => {
  let live: TestDb;
  let deferred: TestDb;
  beforeEach(async () => {
    [live, deferred] = await Promise.all([createTestDb(), createTestDb()]);
  });
  afterEach(async () => {
    await Promise.all([live.destroy(), deferred.destroy()]);
  });

  const now = 1_700_000_000_000;
  const addCustomer = (db: TestDb, name: string, email: string, city: string | null) => {
    const id = Number(
      db.sqlite
        .prepare(
          'INSERT INTO Customer (name, city, firstSeenAt, lastSeenAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(name, city, now, now, now, now).lastInsertRowid,
    );
    db.sqlite
      .prepare('INSERT INTO CustomerEmail (customerId, email, isPrimary, createdAt) VALUES (?, ?, 1, ?)')
      .run(id, email, now);
    return id;
  };
  const addOrder = (db: TestDb, customerId: number | null, orderId: string, key: string) => {
    const id = Number(
      db.sqlite
        .prepare(
          `INSERT INTO "Order" (reseller, resellerOrderId, customerId, product, edition, quantity, amountMinor, currency,
             status, refundedMinor, isTest, purchasedAt, createdAt, updatedAt)
           VALUES ('paypro', ?, ?, 'Tessera 5', 'Home', 1, 2900, 'EUR', 'completed', 0, 0, ?, ?, ?)`,
        )
        .run(orderId, customerId, now, now, now).lastInsertRowid,
    );
    db.sqlite
      .prepare(
        `INSERT INTO License (key, keyNormalized, product, edition, seats, majorVersion, status, issuedAt, orderId,
           customerId, createdAt, updatedAt) VALUES (?, ?, 'Tessera 5', 'Home', 1, 5, 'active', ?, ?, ?, ?, ?)`,
      )
      .run(key, key.replaceAll('-', ''), now, id, customerId, now, now);
  };
  const find = (db: TestDb, text: string) =>
    db.sqlite
      .prepare('SELECT rowid FROM CustomerSearch WHERE CustomerSearch MATCH ? ORDER BY rowid')
      .pluck()
      .safeIntegers(false)
      .all(`"${text}"`);
  const findWord = (db: TestDb, word: string) =>
    db.sqlite
      .prepare('SELECT rowid FROM CustomerNameWord WHERE CustomerNameWord MATCH ? ORDER BY rowid')
      .pluck()
      .safeIntegers(false)
      .all(word);

  // An older customer exists before the bulk write; the bulk write adds, updates and deletes.
  const before = (db: TestDb) => addCustomer(db, 'Ada Older', 'ada@older.example', 'Lyon');
  const bulk = (db: TestDb, olderId: number) => {
    const a = addCustomer(db, 'Bea Newcomer', 'bea@new.example', null);
    addOrder(db, a, 'ORD-77001', 'ABCD-EFGH-JKLM');
    const b = addCustomer(db, 'Cyd Renamed', 'cyd@new.example', 'Graz');
    db.sqlite.prepare(`UPDATE Customer SET name = 'Cyd Final', city = 'Porto' WHERE id = ?`).run(b);
    addOrder(db, null, 'ORD-77002', 'NOPQ-RSTU-VWXY');
    db.sqlite.prepare(`UPDATE "Order" SET customerId = ? WHERE resellerOrderId = 'ORD-77002'`).run(b);
    const gone = addCustomer(db, 'Dov Gone', 'dov@gone.example', null);
    db.sqlite.prepare('DELETE FROM CustomerEmail WHERE customerId = ?').run(gone);
    db.sqlite.prepare('DELETE FROM Customer WHERE id = ?').run(gone);
    db.sqlite.prepare(`UPDATE Customer SET city = 'Nantes' WHERE id = ?`).run(olderId);
  };
  const probes = [
    'Bea Newcomer',
    'bea@new',
    'ORD-77001',
    'ABCDEFGH',
    'Cyd Final',
    'Cyd Renamed',
    'Porto',
    'Graz',
    'ORD-77002',
    'NOPQRSTU',
    'Dov',
    'dov@gone',
    'Nantes',
    'Lyon',
    'Ada Older',
  ];

  it('leaves the index exactly as row-by-row indexing does', () => {
    const liveOlder = before(live);
    live.sqlite.transaction(() => bulk(live, liveOlder))();
    const older = before(deferred);
    let insidePause: unknown[] = [];
    withDeferredSearchIndex(deferred.sqlite, () => {
      bulk(deferred, older);
      insidePause = find(deferred, 'Bea Newcomer');
    });
    // Deferred for real: the new customer was not indexed until the pause ended.
    expect(insidePause).toEqual([]);
    for (const probe of probes) expect(find(deferred, probe), probe).toEqual(find(live, probe));
    for (const word of ['bea', 'cyd', 'final', 'renamed', 'dov', 'ada'])
      expect(findWord(deferred, word), word).toEqual(findWord(live, word));
    expect(find(deferred, 'Bea Newcomer')).toHaveLength(1);
    expect(find(deferred, 'Nantes')).toHaveLength(1);
    expect(find(deferred, 'Lyon')).toEqual([]);
    expect(deferred.sqlite.prepare('SELECT count(*) FROM SearchIndexPause').pluck().get()).toBe(0n);
  });

  it('nests inside an open pause and rolls back with its transaction', () => {
    const older = before(deferred);
    expect(() =>
      withDeferredSearchIndex(deferred.sqlite, () => {
        withDeferredSearchIndex(deferred.sqlite, () => bulk(deferred, older));
        throw new Error('abandon the batch');
      }),
    ).toThrow('abandon the batch');
    expect(find(deferred, 'Bea Newcomer')).toEqual([]);
    expect(find(deferred, 'Lyon')).toHaveLength(1);
    expect(deferred.sqlite.prepare('SELECT count(*) FROM SearchIndexPause').pluck().get()).toBe(0n);
    withDeferredSearchIndex(deferred.sqlite, () =>
      withDeferredSearchIndex(deferred.sqlite, () => bulk(deferred, older)),
    );
    expect(find(deferred, 'Bea Newcomer')).toHaveLength(1);
    expect(find(deferred, 'Cyd Final')).toHaveLength(1);
  });

  it('leaves the index alone when an update names searched columns without changing them', () => {
    const id = before(live);
    addOrder(live, id, 'ORD-77003', 'ZZZZ-YYYY-XXXX');
    // Every FTS5 write adds or rewrites rows of its data table: an untouched index keeps them all.
    const dataRows = () =>
      live.sqlite
        .prepare("SELECT count(*) || ':' || total(length(block)) FROM CustomerSearch_data")
        .pluck()
        .get();
    const untouched = dataRows();
    live.sqlite
      .prepare('UPDATE Customer SET name = name, city = city, company = company, lastSeenAt = ? WHERE id = ?')
      .run(now + 1, id);
    live.sqlite
      .prepare('UPDATE "Order" SET customerId = customerId, status = ? WHERE customerId = ?')
      .run('refunded', id);
    live.sqlite
      .prepare('UPDATE License SET key = key, keyNormalized = keyNormalized WHERE customerId = ?')
      .run(id);
    live.sqlite.prepare('UPDATE CustomerEmail SET email = email WHERE customerId = ?').run(id);
    expect(dataRows()).toBe(untouched);
    live.sqlite.prepare(`UPDATE Customer SET city = 'Nantes' WHERE id = ?`).run(id);
    expect(dataRows()).not.toBe(untouched);
    expect(find(live, 'Nantes')).toHaveLength(1);
    expect(find(live, 'Lyon')).toEqual([]);
    expect(find(live, 'ZZZZYYYY')).toHaveLength(1);
  });
});
