// Privacy's SQL about the database itself: the customer's identity, and the tables that erasure
// optimizes and the row scan reads. Table names are built into text only here, read from
// sqlite_master (never from input), so those two statements are prepared here at run time.
import { sql } from '@keydesk/db';
import type Database from 'better-sqlite3';

type Id = { id: number };
type CustomerId = { customerId: number };

export const customerNameById = sql<{ id: number; name: string }, Id>(
  'SELECT id, name FROM Customer WHERE id = @id',
);
export const emailsOfCustomer = sql<{ email: string }, CustomerId>(
  'SELECT email FROM CustomerEmail WHERE customerId = @customerId ORDER BY isPrimary DESC, id',
);
export const licenseKeysOfCustomer = sql<{ id: number; key: string; keyNormalized: string }, CustomerId>(
  'SELECT id, key, keyNormalized FROM License WHERE customerId = @customerId',
);
export const orderIdsOfCustomer = sql<Id, CustomerId>(
  'SELECT id FROM "Order" WHERE customerId = @customerId',
);

/**
 * Every FTS5 table, whoever created it: their shadow segments keep deleted terms until optimized.
 * fts5vocab tables are read-only views over another FTS5 table and are left out.
 */
export const fts5Tables = sql<{ name: string }>(
  `SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' AND lower(sql) LIKE '%using fts5%' AND lower(sql) NOT LIKE '%using fts5vocab%'`,
);

/** Tables with their own storage: virtual tables are read through their shadow tables instead. */
export const storedTables = sql<{ name: string }>(
  `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'`,
);

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

/** Every row of a table named in sqlite_master, one at a time, integers as numbers. */
export function* tableRows(sqlite: Database.Database, table: string): Generator<object> {
  for (const row of sqlite
    .prepare(`SELECT * FROM ${quoteIdentifier(table)}`)
    .safeIntegers(false)
    .iterate()) {
    // better-sqlite3 yields one object per row; the check only narrows its `unknown`.
    if (typeof row === 'object' && row !== null) yield row;
  }
}
