import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from './client.ts';
import { deferSearchMerges, deferSecondaryIndexes, restoreDeferredIndexes } from './deferred-indexes.ts';
import { createTestDb, type TestDb } from './testing.ts';

const SALES = ['Customer', 'CustomerEmail', 'Order', 'License'];

describe('deferred secondary indexes', () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(() => db.destroy());

  const indexes = () =>
    db.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`).all() as {
      name: string;
      sql: string | null;
    }[];
  const saved = () => db.sqlite.prepare('SELECT name FROM DeferredIndex ORDER BY name').pluck().all();

  it('sets aside only non-unique indexes not kept, and builds the same ones again', () => {
    const before = indexes();
    const names = deferSecondaryIndexes(db.sqlite, SALES, ['License_orderId_idx']);
    expect(names).toContain('Customer_name_idx');
    expect(names).toContain('Order_purchasedAt_isTest_status_currency_amountMinor_refundedMinor_idx');
    expect(names).not.toContain('License_orderId_idx');
    // Unique indexes keep the data correct and serve the writer's lookups.
    for (const unique of [
      'CustomerEmail_email_key',
      'License_keyNormalized_key',
      'Order_reseller_resellerOrderId_key',
    ])
      expect(names).not.toContain(unique);
    expect(saved()).toEqual(names);
    const during = indexes().map((i) => i.name);
    for (const name of names) expect(during).not.toContain(name);
    expect(during).toContain('License_orderId_idx');
    // Other tables are left alone.
    expect(during).toContain('AuditLog_at_idx');

    expect(restoreDeferredIndexes(db.sqlite)).toBe(names.length);
    expect(indexes()).toEqual(before);
    expect(saved()).toEqual([]);
    // The sort settings of the rebuild are the connection's own again.
    expect(db.sqlite.pragma('temp_store', { simple: true })).toBe(2n);
    expect(db.sqlite.pragma('threads', { simple: true })).toBe(0n);
    expect(restoreDeferredIndexes(db.sqlite)).toBe(0);
  });

  it('are built again by the next open of the database after a crash, and queries use them', async () => {
    const before = indexes();
    deferSecondaryIndexes(db.sqlite, SALES);
    deferSearchMerges(db.sqlite, ['CustomerSearch']);
    // The importing process dies here: nothing restores them but the next open.
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    db.sqlite.prepare('UPDATE DeferredIndex SET pid = ?').run(deadPid);
    db.sqlite.close();
    const reopened = await createDb({ file: db.file });
    try {
      const after = reopened.sqlite
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`)
        .all();
      expect(after).toEqual(before);
      expect(reopened.sqlite.prepare('SELECT count(*) FROM DeferredIndex').pluck().get()).toBe(0n);
      const plan = reopened.sqlite
        .prepare(`EXPLAIN QUERY PLAN SELECT id FROM Customer ORDER BY lastSeenAt DESC LIMIT 20`)
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('Customer_lastSeenAt_idx');
    } finally {
      await reopened.close();
      db = await createTestDb();
    }
  });

  it('pauses full-text merging, keeps indexing, and merges into one segment at the end', () => {
    const config = (key: string) =>
      db.sqlite
        .prepare(`SELECT v FROM CustomerSearch_config WHERE k = ?`)
        .pluck()
        .safeIntegers(false)
        .get(key);
    const segments = () =>
      Number(db.sqlite.prepare(`SELECT count(DISTINCT segid) FROM CustomerSearch_idx`).pluck().get());
    const find = (text: string) =>
      db.sqlite
        .prepare('SELECT rowid FROM CustomerSearch WHERE CustomerSearch MATCH ?')
        .pluck()
        .safeIntegers(false)
        .all(`"${text}"`).length;
    deferSearchMerges(db.sqlite, ['CustomerSearch', 'CustomerNameWord']);
    // A second pause before the restore keeps the settings saved by the first.
    deferSearchMerges(db.sqlite, ['CustomerSearch']);
    expect(config('automerge')).toBe(0);
    const insert = db.sqlite.prepare(
      'INSERT INTO Customer (name, firstSeenAt, lastSeenAt, createdAt, updatedAt) VALUES (?, 0, 0, 0, 0)',
    );
    // One transaction per customer: one segment each, and none merged while paused.
    for (let i = 0; i < 40; i++) insert.run(`Merge Test ${i}`);
    expect(segments()).toBeGreaterThanOrEqual(40);
    expect(find('Merge Test')).toBe(40);

    expect(restoreDeferredIndexes(db.sqlite)).toBe(2);
    expect(config('automerge')).toBe(4);
    expect(config('crisismerge')).toBe(16);
    expect(segments()).toBe(1);
    expect(find('Merge Test')).toBe(40);
    expect(saved()).toEqual([]);
  });

  it('are left alone by an open while the process that set them aside still runs', async () => {
    const names = deferSecondaryIndexes(db.sqlite, ['Customer']);
    // A server starting while a command-line import (this process) runs.
    const other = await createDb({ file: db.file });
    try {
      expect(other.sqlite.prepare('SELECT name FROM DeferredIndex ORDER BY name').pluck().all()).toEqual(
        names,
      );
    } finally {
      await other.close();
    }
    // The end of an import in yet another process leaves them alone too; their own import does not.
    db.sqlite.prepare('UPDATE DeferredIndex SET pid = ?').run(process.ppid);
    expect(restoreDeferredIndexes(db.sqlite, { of: 'mineAndAbandoned' })).toBe(0);
    db.sqlite.prepare('UPDATE DeferredIndex SET pid = ?').run(process.pid);
    expect(restoreDeferredIndexes(db.sqlite, { of: 'mineAndAbandoned' })).toBe(names.length);
  });

  it('skips an index another connection built meanwhile', () => {
    deferSecondaryIndexes(db.sqlite, ['Customer']);
    db.sqlite.exec('CREATE INDEX "Customer_name_idx" ON "Customer"("name")');
    expect(restoreDeferredIndexes(db.sqlite)).toBe(2);
    expect(
      indexes()
        .filter((i) => i.name.startsWith('Customer_'))
        .map((i) => i.name),
    ).toEqual(['Customer_lastSeenAt_idx', 'Customer_name_idx']);
  });
});
