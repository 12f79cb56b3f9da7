// Bulk writers that build their references themselves (the CSV import writes a customer, then its
// order, then the order's licenses, each with the id it just got) switch the foreign-key checks off
// for their own transactions. Why: an insert that may fail a foreign-key check and also fires a
// trigger (the search index's) runs under a statement journal, which copies every page the insert
// touches; at an import's scale that was a quarter of the time spent writing.
import type Database from 'better-sqlite3';

/**
 * Runs fn (which must open and finish its own transaction) with foreign-key checks off, and turns
 * them back on before returning. Synchronous from end to end, so no other write on this connection
 * can run without the checks. Inside an open transaction the pragma is a no-op: fn then runs with
 * the checks, only slower.
 */
export function withoutForeignKeyChecks<T>(sqlite: Database.Database, fn: () => T): T {
  const enabled = Number(sqlite.pragma('foreign_keys', { simple: true })) === 1;
  if (!enabled) return fn();
  sqlite.pragma('foreign_keys = OFF');
  try {
    return fn();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
