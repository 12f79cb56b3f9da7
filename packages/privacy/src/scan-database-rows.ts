// The logical twin of the byte scan: every value of every row of every table (FTS5 shadow tables
// included), read through SQLite. A long value spills onto overflow pages, and a number cut by a
// page boundary is invisible to a byte scan; read as rows it is whole again.
import type Database from 'better-sqlite3';
import { findCardNumbers } from './find-card-numbers.ts';
import { storedTables, tableRows } from './sql/database.ts';

export type CardNumberRowFinding = { table: string; rowid: number | null; column: string; masked: string };

export function scanDatabaseRowsForCardNumbers(sqlite: Database.Database): CardNumberRowFinding[] {
  const findings: CardNumberRowFinding[] = [];
  for (const { name: table } of storedTables.all(sqlite)) {
    let index = 0;
    for (const row of tableRows(sqlite, table)) {
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
