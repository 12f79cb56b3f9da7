import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, MigrationChecksumError } from './migrate.ts';
import { readMigrations } from './migrations-dir.ts';
import { diffMigrationsToSchema } from './schema-diff.ts';
import { createTestDb } from './testing.ts';

describe('migrations', () => {
  it('build a database that matches schema.prisma (no drift)', async () => {
    expect(await diffMigrationsToSchema()).toBe('');
  });

  it('apply once: running them again changes nothing', async () => {
    const db = await createTestDb();
    try {
      const before = db.sqlite.prepare('SELECT COUNT(*) FROM _prisma_migrations').pluck().get();
      const again = applyMigrations(db.sqlite);
      expect(again.applied).toEqual([]);
      expect(db.sqlite.prepare('SELECT COUNT(*) FROM _prisma_migrations').pluck().get()).toBe(before);
      expect(Number(before)).toBe(readMigrations().length);
    } finally {
      await db.destroy();
    }
  });

  it('refuse a migration that was edited after it was applied', () => {
    const sqlite = new Database(':memory:');
    applyMigrations(sqlite, [{ name: '20200101000000_a', sql: 'CREATE TABLE a (x INTEGER);' }]);
    expect(() =>
      applyMigrations(sqlite, [{ name: '20200101000000_a', sql: 'CREATE TABLE a (y INTEGER);' }]),
    ).toThrow(MigrationChecksumError);
  });

  it('roll back a failing migration completely', () => {
    const sqlite = new Database(':memory:');
    expect(() =>
      applyMigrations(sqlite, [
        { name: '20200101000000_bad', sql: 'CREATE TABLE b (x INTEGER); CREATE TABLE b (x INTEGER);' },
      ]),
    ).toThrow();
    expect(sqlite.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'").pluck().get()).toBe(0);
  });

  it('use WAL and foreign keys on every connection', async () => {
    const db = await createTestDb();
    try {
      expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(Number(db.sqlite.pragma('foreign_keys', { simple: true }))).toBe(1);
      expect(Number(db.sqlite.pragma('synchronous', { simple: true }))).toBe(2);
    } finally {
      await db.destroy();
    }
  });
});
