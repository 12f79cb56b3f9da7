import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from './sql.ts';
import { createTestDb, type TestDb } from './testing.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.destroy());

const insertSetting = sql<never, { key: string; value: string }>(
  'INSERT INTO Setting (key, value, updatedAt) VALUES (@key, @value, 0)',
);
const settingByKey = sql<{ key: string; value: string; updatedAt: number }, { key: string }>(
  'SELECT key, value, updatedAt FROM Setting WHERE key = @key',
);
const countSettings = sql<{ n: number }>('SELECT COUNT(*) AS n FROM Setting');
const countSettingsBig = sql<{ n: bigint }>('SELECT COUNT(*) AS n FROM Setting', { bigints: true });

describe('sql', () => {
  it('binds named parameters and returns rows of the declared shape, numbers by default', () => {
    const before = countSettings.get(db)?.n ?? 0;
    expect(insertSetting.run(db, { key: 'sql.test', value: 'x' }).changes).toBe(1);
    expect(settingByKey.get(db, { key: 'sql.test' })).toEqual({ key: 'sql.test', value: 'x', updatedAt: 0 });
    expect(settingByKey.get(db.sqlite, { key: 'missing' })).toBeUndefined();
    expect(countSettings.get(db)?.n).toBe(before + 1);
    expect(countSettingsBig.get(db)?.n).toBe(BigInt(before + 1));
    expect([...settingByKey.iterate(db, { key: 'sql.test' })]).toHaveLength(1);
  });

  it('refuses a missing named parameter instead of binding null', () => {
    expect(() => settingByKey.all(db, {} as { key: string })).toThrow(/named parameter/i);
  });
});
