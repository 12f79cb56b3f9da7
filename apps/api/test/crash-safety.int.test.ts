import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, describeDatabaseError } from '@keydesk/db';
import { generateDemo } from '@keydesk/db/demo';
import type { TestDb } from '@keydesk/db/testing';
import { createOrderCsvKind, runCsvImport } from '@keydesk/ingestion';
import { writeOrderCsv } from '@keydesk/ingestion/testing';
import { seedPrivacyCustomer } from '@keydesk/privacy/testing';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createOwnerCaller } from './owner-caller.ts';
import { useTestDb } from './test-db.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BATCH = 5_000; // the demo generator's customers per transaction
const TOTAL = 15_000;

function demo(dbFile: string): ChildProcess {
  // node with tsx's loader in one process: SIGKILL on the tsx wrapper would leave its child writing.
  return spawn(
    process.execPath,
    ['--import', 'tsx', 'packages/db/src/demo/cli.ts', '--customers', String(TOTAL)],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** Customers missing an email, an order or a license: any would be a half-written import. */
function partialCustomers(sqlite: Database.Database): number {
  return Number(
    sqlite
      .prepare(
        `SELECT COUNT(*) FROM Customer c WHERE NOT EXISTS (SELECT 1 FROM CustomerEmail e WHERE e.customerId = c.id)
           OR NOT EXISTS (SELECT 1 FROM "Order" o WHERE o.customerId = c.id)
           OR NOT EXISTS (SELECT 1 FROM License l WHERE l.customerId = c.id)`,
      )
      .pluck()
      .safeIntegers(false)
      .get(),
  );
}

describe('crash safety', () => {
  it('SIGKILL in the middle of a bulk import leaves whole batches only, and a rerun completes', async () => {
    const dbFile = path.join(dir, 'killed.db');
    await (await createDb({ file: dbFile })).close();
    const child = demo(dbFile);
    const reader = new Database(dbFile, { readonly: true });
    const count = () =>
      Number(reader.prepare('SELECT COUNT(*) FROM Customer').pluck().safeIntegers(false).get());
    // Kill once the first batch has committed, while the second is being written.
    const deadline = Date.now() + 120_000;
    while (count() < BATCH && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    reader.close();

    const after = new Database(dbFile);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    const survived = Number(after.prepare('SELECT COUNT(*) FROM Customer').pluck().safeIntegers(false).get());
    after.close();
    expect(survived).toBeGreaterThanOrEqual(BATCH);
    expect(survived).toBeLessThan(TOTAL);
    expect(survived % BATCH).toBe(0);

    const rerun = demo(dbFile);
    const code = await new Promise((r) => rerun.once('exit', r));
    expect(code).toBe(0);
    const done = new Database(dbFile, { readonly: true });
    expect(Number(done.prepare('SELECT COUNT(*) FROM Customer').pluck().safeIntegers(false).get())).toBe(
      TOTAL,
    );
    expect(partialCustomers(done)).toBe(0);
    done.close();
  }, 300_000);

  describe('storage failures', () => {
    let db: TestDb;
    useTestDb('each', (opened) => {
      db = opened;
    });

    it('disk full: the import fails, says so, and writes nothing', () => {
      generateDemo({ sqlite: db.sqlite, customers: 100, seed: 1 });
      const before = Number(
        db.sqlite.prepare('SELECT COUNT(*) FROM Customer').pluck().safeIntegers(false).get(),
      );
      // A file that may not grow past a few more pages behaves as a full disk.
      const pages = Number(db.sqlite.pragma('page_count', { simple: true }));
      db.sqlite.pragma(`max_page_count = ${pages + 3}`);
      let caught: unknown;
      try {
        generateDemo({ sqlite: db.sqlite, customers: 3000, seed: 1 });
      } catch (error) {
        caught = error;
      }
      expect((caught as { code?: string }).code).toBe('SQLITE_FULL');
      expect(describeDatabaseError(caught)).toBe(
        'The disk holding the database is full, so nothing was saved. Free some space and try again.',
      );
      db.sqlite.pragma(`max_page_count = ${2 ** 30}`);
      expect(
        Number(db.sqlite.prepare('SELECT COUNT(*) FROM Customer').pluck().safeIntegers(false).get()),
      ).toBe(before);
      expect(partialCustomers(db.sqlite)).toBe(0);
    });

    it('disk full in the middle of a CSV import: the run fails with the sentence, keeps whole batches, and resumes', async () => {
      const file = path.join(dir, 'disk-full-orders.csv');
      await writeOrderCsv(file, { rows: 2_000, reseller: 'paypro', seed: 5 });
      const count = (sql: string) =>
        Number(db.sqlite.prepare(`SELECT COUNT(*) FROM ${sql}`).pluck().safeIntegers(false).get());
      const options = { db, now: () => new Date(), file, kind: createOrderCsvKind('paypro'), batchSize: 500 };
      let isFull = false;
      const failed = await runCsvImport({
        ...options,
        // The first batch is committed; from here on the file may barely grow: a full disk.
        onProgress() {
          if (isFull) return;
          isFull = true;
          const pages = Number(db.sqlite.pragma('page_count', { simple: true }));
          db.sqlite.pragma(`max_page_count = ${pages + 2}`);
        },
      });
      const sentence =
        'The disk holding the database is full, so nothing was saved. Free some space and try again.';
      expect(failed).toMatchObject({ status: 'failed', failure: sentence, rows: 500, created: 500 });
      const run = db.sqlite
        .prepare('SELECT status, itemsDone, created, errors FROM ImportRun WHERE id = ?')
        .safeIntegers(false)
        .get(failed.runId) as { status: string; itemsDone: number; created: number; errors: string };
      expect(run).toMatchObject({ status: 'failed', itemsDone: 500, created: 500 });
      expect(JSON.parse(run.errors)).toEqual([{ line: 0, reason: sentence }]);
      expect(count('"Order"')).toBe(500);
      expect(
        count(
          `"Order" o WHERE NOT EXISTS (SELECT 1 FROM License l WHERE l.orderId = o.id) AND o.status != 'pending'`,
        ),
      ).toBe(0);

      db.sqlite.pragma(`max_page_count = ${2 ** 30}`);
      const resumed = await runCsvImport(options);
      expect(resumed).toMatchObject({
        runId: failed.runId,
        status: 'completed',
        rows: 2_000,
        created: 2_000,
      });
      expect(count('"Order"')).toBe(2_000);
      expect(
        count('(SELECT resellerOrderId FROM "Order" GROUP BY resellerOrderId HAVING count(*) > 1)'),
      ).toBe(0);
    });

    it('database locked by another writer: a clear message, and nothing written', async () => {
      const c = seedPrivacyCustomer(db);
      db.sqlite.pragma('busy_timeout = 200');
      const other = new Database(db.file);
      other.exec('BEGIN IMMEDIATE');
      try {
        await expect(
          createOwnerCaller(db).privacy.erase({ customerId: c.customerId, confirmEmail: c.email }),
        ).rejects.toThrow('The database is busy: another program holds a write lock, so nothing was saved.');
      } finally {
        other.exec('ROLLBACK');
        other.close();
      }
      const emails = db.sqlite
        .prepare('SELECT COUNT(*) FROM CustomerEmail WHERE customerId = ?')
        .pluck()
        .safeIntegers(false)
        .get(c.customerId);
      expect(emails).toBe(2);
      expect(db.sqlite.prepare('SELECT COUNT(*) FROM ChatMessage').pluck().safeIntegers(false).get()).toBe(2);
    });
  });
});
