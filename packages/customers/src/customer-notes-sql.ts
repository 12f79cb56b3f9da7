// The raw SQL of customer notes (synchronous, so a note and its audit entry share a transaction).
import type { Db } from '@keydesk/db';
import type Database from 'better-sqlite3';

function prepareAll(sqlite: Database.Database) {
  const read = (sql: string) => sqlite.prepare(sql).safeIntegers(false);
  return {
    customerExists: read('SELECT 1 FROM Customer WHERE id = ?').pluck(),
    insert: sqlite.prepare(
      'INSERT INTO CustomerNote (customerId, body, createdAt, updatedAt) VALUES (?, ?, ?, ?)',
    ),
    update: sqlite.prepare('UPDATE CustomerNote SET body = ?, updatedAt = ? WHERE id = ?'),
    remove: sqlite.prepare('DELETE FROM CustomerNote WHERE id = ?'),
    byId: read('SELECT id, customerId, body, createdAt, updatedAt FROM CustomerNote WHERE id = ?'),
  };
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepareAll>>();

export function customerNoteSql(db: Db) {
  let statements = cache.get(db.sqlite);
  if (!statements) {
    statements = prepareAll(db.sqlite);
    cache.set(db.sqlite, statements);
  }
  return statements;
}
