// A fresh migrated database per test file, describe block or test, so each test file does not
// repeat its own create and destroy hooks, and ad-hoc reads for assertions.
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/**
 * Creates the database before all the tests of the enclosing block (`'all'`) or before each
 * (`'each'`), hands it to `use` (which may also fill it), and destroys it after them.
 */
export function useTestDb(scope: 'all' | 'each', use: (db: TestDb) => unknown): void {
  let db: TestDb | undefined;
  (scope === 'all' ? beforeAll : beforeEach)(async () => {
    db = await createTestDb();
    await use(db);
  });
  (scope === 'all' ? afterAll : afterEach)(() => db?.destroy());
}

/** The rows of an ad-hoc query for an assertion, with integers as plain numbers. */
export function queryRows<T>(db: { sqlite: Database.Database }, sql: string, ...params: unknown[]): T[] {
  return db.sqlite
    .prepare(sql)
    .safeIntegers(false)
    .all(...params) as T[];
}
