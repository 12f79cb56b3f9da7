import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { scanForCardNumbers } from '@keydesk/privacy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCsvImport } from './csv-import-runner.ts';
import { createOrderCsvKind } from './csv-order-import.ts';
import { createNewsletterCsvKind } from './newsletter.ts';
import { writeOrderCsv } from './testing/write-order-csv.ts';

let db: TestDb;
const now = () => new Date('2026-11-25T08:00:00Z');
const count = (sql: string) =>
  (db.sqlite.prepare(`SELECT count(*) AS n FROM ${sql}`).safeIntegers(false).get() as { n: number }).n;

/** Imports a PayPro order export in batches, with the rejected lines in the order reported. */
async function importPayPro(target: TestDb, file: string, batchSize: number) {
  const rejections: { line: number; reason: string }[] = [];
  const summary = await runCsvImport({
    db: target,
    now,
    file,
    kind: createOrderCsvKind('paypro'),
    batchSize,
    onReject: (r) => rejections.push(r),
  });
  return { summary, rejections };
}

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  expect(scanForCardNumbers(db.file)).toEqual([]);
  // Batches are written without foreign-key checks: every reference must hold all the same, and
  // the checks are back on for everyone else.
  expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
  expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1n);
  await db.destroy();
});

describe('order CSV import', () => {
  it('loads the good rows, names each broken one by line, and a re-import changes nothing', async () => {
    const file = path.join(db.dir, 'paypro.csv');
    // Header lines are line 1; extra line k is written before generated row k.
    const broken = new Map<number, string>([
      [3, '10999001,11/20/2026 10:00:00 AM,Processed,not-an-email,X,DE,Tessera 5,Pro,1,"9.00",EUR,'],
      [5, '10999002,yesterday,Processed,a@b.example,X,DE,Tessera 5,Pro,1,"9.00",EUR,'],
      [7, '10999003,11/20/2026 10:00:00 AM,Exploded,a@b.example,X,DE,Tessera 5,Pro,1,"9.00",EUR,'],
      [9, '10999004,11/20/2026 10:00:00 AM,Processed,a@b.example'],
      [
        11,
        '10999005,11/20/2026 10:00:00 AM,Processed,card@b.example,"pay 4111 1111 1111 1111",DE,Tessera 5,Pro,1,"ten",EUR,',
      ],
    ]);
    await writeOrderCsv(file, { rows: 40, reseller: 'paypro', extraLines: broken });
    const { summary, rejections } = await importPayPro(db, file, 7);
    expect(summary).toMatchObject({ status: 'completed', rows: 45, created: 40, updated: 0, rejected: 5 });
    expect(rejections).toEqual([
      { line: 5, reason: '"not-an-email" is not an email address' },
      { line: 8, reason: '"yesterday" is not a date' },
      { line: 11, reason: 'unknown status "Exploded"' },
      { line: 14, reason: 'expected 12 columns, found 4' },
      { line: 17, reason: '"ten" is not an amount' },
    ]);
    expect(count('"Order"')).toBe(40);
    expect(count('License WHERE orderId IS NOT NULL')).toBeGreaterThanOrEqual(40);
    expect(count(`"Order" WHERE status = 'refunded'`)).toBeGreaterThan(0);
    expect(count(`License WHERE status = 'revoked'`)).toBeGreaterThan(0);

    const again = await runCsvImport({ db, now, file, kind: createOrderCsvKind('paypro') });
    expect(again.alreadyImported).toBe(true);
    const licenses = count('License');
    const forced = await runCsvImport({ db, now, file, kind: createOrderCsvKind('paypro'), force: true });
    expect(forced).toMatchObject({ created: 0, updated: 0, skipped: 40, rejected: 5 });
    expect(count('"Order"')).toBe(40);
    expect(count('License')).toBe(licenses);
  });

  it('finds columns by header name in any order and reads Avangate formats', async () => {
    const file = path.join(db.dir, 'avangate.csv');
    writeFileSync(
      file,
      '\uFEFFCurrency;Total Price;Customer email;Order Reference;Product name;Order date;Status\nUSD;1234.50;Grace@Example.org;77000001;Tessera 5;2024-06-19 19:06:29;COMPLETE\n',
    );
    const summary = await runCsvImport({ db, now, file, kind: createOrderCsvKind('avangate') });
    expect(summary).toMatchObject({ created: 1, rejected: 0 });
    const order = db.sqlite
      .prepare(
        `SELECT amountMinor, purchasedAt, status FROM "Order" WHERE reseller = 'avangate' AND resellerOrderId = '77000001'`,
      )
      .safeIntegers(false)
      .get();
    expect(order).toEqual({
      amountMinor: 123450,
      purchasedAt: Date.UTC(2024, 5, 19, 19, 6, 29),
      status: 'completed',
    });
  });

  it('refuses a file without a required column, naming the accepted headers', async () => {
    const file = path.join(db.dir, 'nocol.csv');
    writeFileSync(file, 'Order ID,Date,Email\n1,2024-01-01,a@b.example\n');
    const summary = await runCsvImport({ db, now, file, kind: createOrderCsvKind('paypro') });
    expect(summary.status).toBe('failed');
    expect(summary.failure).toMatch(/no amount column/);
  });
});

describe('a record the CSV parser cannot read', () => {
  it('is rejected with its line, and every row before and around it goes in', async () => {
    const file = path.join(db.dir, 'unclosed.csv');
    const broken = new Map<number, string>([
      [100, '10999101,11/20/2026 10:00:00 AM,Processed,not-an-email,X,DE,Tessera 5,Pro,1,"9.00",EUR,'],
      [2_500, '10999102,11/20/2026 10:00:00 AM,Processed,a@b.example'],
    ]);
    await writeOrderCsv(file, { rows: 3_000, reseller: 'paypro', seed: 3, extraLines: broken });
    // A quote never closed: the parser cannot read that record. Failing the stream there used to
    // drop the good records it still held, unreported.
    appendFileSync(file, '10999103,11/20/2026 10:00:00 AM,Processed,"unclosed@b.example,X\n');
    const target = await createTestDb();
    try {
      const { summary, rejections } = await importPayPro(target, file, 700);
      expect(summary).toMatchObject({ status: 'completed', rows: 3_003, created: 3_000, rejected: 3 });
      expect(rejections).toEqual([
        { line: 102, reason: '"not-an-email" is not an email address' },
        { line: 2_503, reason: 'expected 12 columns, found 4' },
        { line: 3_004, reason: expect.stringMatching(/quoted field is never closed/) },
      ]);
      const orders = target.sqlite.prepare('SELECT count(*) FROM "Order"').pluck().get();
      expect(Number(orders)).toBe(3_000);
    } finally {
      await target.destroy();
    }
  });
});

describe('a large import', () => {
  it('sets secondary indexes aside and ends with the same data, indexes and search as in step', async () => {
    const file = path.join(db.dir, 'bulk.csv');
    await writeOrderCsv(file, { rows: 3_000, reseller: 'paypro', seed: 11 });
    const [inStep, bulk] = await Promise.all([createTestDb(), createTestDb()]);
    try {
      const importInto = async (target: TestDb, bulkMinRows: number) => {
        let buildingIndexes = false;
        const summary = await runCsvImport({
          db: target,
          now,
          file,
          kind: createOrderCsvKind('paypro'),
          batchSize: 500,
          bulkMinRows,
          onProgress: (p) => {
            if (p.buildingIndexes) buildingIndexes = true;
          },
        });
        return { summary, buildingIndexes };
      };
      const a = await importInto(inStep, Number.POSITIVE_INFINITY);
      const b = await importInto(bulk, 1_000);
      expect(a.buildingIndexes).toBe(false);
      expect(b.buildingIndexes).toBe(true);
      expect(b.summary).toEqual({ ...a.summary, runId: b.summary.runId });
      // Generated license keys are random; everything else matches row for row.
      const dump = (target: TestDb) => ({
        indexes: target.sqlite
          .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`)
          .all(),
        deferred: target.sqlite.prepare('SELECT count(*) FROM DeferredIndex').pluck().get(),
        customers: target.sqlite.prepare('SELECT * FROM Customer ORDER BY id').all(),
        emails: target.sqlite.prepare('SELECT * FROM CustomerEmail ORDER BY id').all(),
        orders: target.sqlite.prepare('SELECT * FROM "Order" ORDER BY id').all(),
        licenses: target.sqlite
          .prepare(`SELECT id, product, edition, seats, status, orderId, customerId FROM License ORDER BY id`)
          .all(),
        search: target.sqlite
          .prepare(
            `SELECT rowid FROM CustomerSearch WHERE CustomerSearch MATCH '"customer12"' ORDER BY rowid`,
          )
          .pluck()
          .all(),
      });
      const inStepDump = dump(inStep);
      expect(inStepDump.search.length).toBeGreaterThan(10);
      expect(dump(bulk)).toEqual(inStepDump);

      // A file smaller than what the table holds keeps the indexes in step.
      const small = path.join(db.dir, 'bulk-small.csv');
      await writeOrderCsv(small, { rows: 2_000, reseller: 'paypro', seed: 12 });
      let rebuilt = false;
      await runCsvImport({
        db: bulk,
        now,
        file: small,
        kind: createOrderCsvKind('paypro'),
        batchSize: 500,
        bulkMinRows: 1_000,
        onProgress: (p) => {
          if (p.buildingIndexes) rebuilt = true;
        },
      });
      expect(rebuilt).toBe(false);
    } finally {
      await Promise.all([inStep.destroy(), bulk.destroy()]);
    }
  });
});

describe('newsletter CSV import', () => {
  it('never resubscribes an unsubscribed address, whatever the list says', async () => {
    const first = path.join(db.dir, 'news1.csv');
    writeFileSync(
      first,
      'Email Address,Status,Date\nann@example.com,subscribed,2024-01-01\nbob@example.com,unsubscribed,2024-02-01\nbroken,subscribed,2024-01-01\n',
    );
    expect(await runCsvImport({ db, now, file: first, kind: createNewsletterCsvKind() })).toMatchObject({
      created: 2,
      rejected: 1,
    });
    const second = path.join(db.dir, 'news2.csv');
    writeFileSync(second, 'Email,Subscribed At\nBOB@example.com,2026-11-01\nann@example.com,2023-06-01\n');
    expect(await runCsvImport({ db, now, file: second, kind: createNewsletterCsvKind() })).toMatchObject({
      updated: 1,
      skipped: 1,
    });
    const rows = db.sqlite
      .prepare('SELECT email, status, subscribedAt FROM NewsletterSubscription ORDER BY email')
      .safeIntegers(false)
      .all();
    expect(rows).toEqual([
      { email: 'ann@example.com', status: 'subscribed', subscribedAt: Date.UTC(2023, 5, 1) },
      { email: 'bob@example.com', status: 'unsubscribed', subscribedAt: null },
    ]);
  });
});
