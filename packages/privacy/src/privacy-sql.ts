// Raw SQL for export and erasure. Every value is bound; the only identifiers built into text are
// FTS5 table names read from sqlite_master (never from input), for the 'optimize' command.
import type Database from 'better-sqlite3';

export type CustomerIdentity = {
  id: number;
  name: string;
  emails: string[];
  licenseKeys: string[];
  licenseIds: number[];
  orderIds: number[];
};

export function findCustomerIdentity(sqlite: Database.Database, customerId: number): CustomerIdentity | null {
  const customer = sqlite
    .prepare('SELECT id, name FROM Customer WHERE id = ?')
    .safeIntegers(false)
    .get(customerId) as { id: number; name: string } | undefined;
  if (!customer) return null;
  const emails = sqlite
    .prepare('SELECT email FROM CustomerEmail WHERE customerId = ? ORDER BY isPrimary DESC, id')
    .pluck()
    .all(customerId) as string[];
  const licenses = sqlite
    .prepare('SELECT id, key, keyNormalized FROM License WHERE customerId = ?')
    .safeIntegers(false)
    .all(customerId) as { id: number; key: string; keyNormalized: string }[];
  const orderIds = sqlite
    .prepare('SELECT id FROM "Order" WHERE customerId = ?')
    .pluck()
    .safeIntegers(false)
    .all(customerId) as number[];
  return {
    id: customer.id,
    name: customer.name,
    emails: emails.map((e) => e.toLowerCase()),
    licenseKeys: [...new Set(licenses.flatMap((l) => [l.key, l.keyNormalized]))],
    licenseIds: licenses.map((l) => l.id),
    orderIds,
  };
}

/** Ids from a query with one bound parameter, as plain numbers. */
export function selectIds(sqlite: Database.Database, sql: string, value: string | number): number[] {
  return sqlite.prepare(sql).pluck().safeIntegers(false).all(value) as number[];
}

/**
 * Every FTS5 table, whoever created it: their shadow segments keep deleted terms until optimized.
 * fts5vocab tables are read-only views over another FTS5 table and are left out.
 */
export function listFts5Tables(sqlite: Database.Database): string[] {
  return sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' AND lower(sql) LIKE '%using fts5%' AND lower(sql) NOT LIKE '%using fts5vocab%'`,
    )
    .pluck()
    .all() as string[];
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Merges an FTS5 index into one segment. A delete (from a trigger) only appends a tombstone; the
 * original segment, with the erased terms in it, survives until a merge rewrites it.
 */
export function optimizeFts5(sqlite: Database.Database, table: string): void {
  const quoted = quoteIdentifier(table);
  sqlite.prepare(`INSERT INTO ${quoted}(${quoted}) VALUES ('optimize')`).run();
}
