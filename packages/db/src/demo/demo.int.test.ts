import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing.ts';
import { generateDemo } from './index.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.destroy());

it('writes demo batches without foreign-key checks, yet every reference holds and the checks are back on', () => {
  generateDemo({ sqlite: db.sqlite, customers: 300, seed: 2 });
  expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
  expect(Number(db.sqlite.pragma('foreign_keys', { simple: true }))).toBe(1);
  const orders = db.sqlite.prepare('SELECT count(*) FROM "Order"').pluck().get();
  expect(Number(orders)).toBeGreaterThan(0);
});
