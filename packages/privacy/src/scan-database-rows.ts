// The logical twin of the byte scan: every value of every row of every table (FTS5 shadow tables
// included), read through SQLite. A long value spills onto overflow pages, and a number cut by a
// page boundary is invisible to a byte scan; read as rows it is whole again.
import type Database from 'better-sqlite3';
import { findCardNumbers } from './find-card-numbers.ts';
import { quoteIdentifier } from './privacy-sql.ts';

export type CardNumberRowFinding = { table: string; rowid: number | null; column: string; masked: string };

/** Tables with their own storage: virtual tables are read through their shadow tables instead. */
function listStoredTables(sqlite: Database.Database): string[] {
  return sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'`,
    )
    .pluck()
    .all() as string[];
}

export function scanDatabaseRowsForCardNumbers(sqlite: Database.Database): CardNumberRowFinding[] {
  const findings: CardNumberRowFinding[] = [];
  for (const table of listStoredTables(sqlite)) {
    const rows = sqlite
      .prepare(`SELECT * FROM ${quoteIdentifier(table)}`)
      .safeIntegers(false)
      .iterate();
    let index = 0;
    for (const row of rows as Iterable<Record<string, unknown>>) {
      index++;
      for (const [column, value] of Object.entries(row)) {
        const text =
          typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('latin1') : null;
        if (text === null) continue;
        for (const span of findCardNumbers(text)) {
          findings.push({
            table,
            rowid: index,
            column,
            masked: `${span.digits.slice(0, 4)}…${span.digits.slice(-2)}`,
          });
        }
      }
    }
  }
  return findings;
}
