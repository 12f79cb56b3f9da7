import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, describeDatabaseError } from '@keydesk/db';
import { generateDemo } from '@keydesk/db/demo';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { seedPrivacyCustomer } from '@keydesk/privacy/testing';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOwnerCaller } from './owner-caller.ts';

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
    beforeEach(async () => {
      db = await createTestDb();
    });
    afterEach(() => db.destroy());

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
