// What one kind of CSV import (reseller orders, the mailing list) tells the runner: its columns,
// how to read a row, and how to write what was read. Reading is pure (no database): a whole batch
// is read before the runner opens the transaction that writes it.
import type { Db } from '@keydesk/db';
import { DomainError } from '@keydesk/db';
import type { BulkSizeTable } from './sql/orders.ts';

export type CsvRowOutcome = 'created' | 'updated' | 'skipped';

/** A row that cannot go in; the message names the reason, the runner adds the line number. */
export class RowRejectedError extends DomainError {
  readonly kind = 'invalid';
}

export class CsvImportError extends DomainError {
  readonly kind = 'invalid';
}

export type CsvRow<F extends string> = Record<F, string>;

export type CsvImportKind<F extends string, T> = {
  /** With variant, names the import in its fingerprint (e.g. the reseller). */
  kind: string;
  variant: string;
  /** Canonical field → accepted header names (compared without case, spaces or punctuation). */
  columns: Record<F, readonly string[]>;
  /** At least one field of each group must be present. */
  required: readonly (readonly F[])[];
  /** Redacts and validates one row into a flat value (throws RowRejectedError). */
  read(row: CsvRow<F>, now: Date): T;
  /** Called once per import; the returned function writes one read row inside the batch transaction. */
  openWriter(db: Db, now: Date): (item: T) => CsvRowOutcome;
  /** Where a large import may set secondary indexes aside (see deferSecondaryIndexes). */
  bulk?: CsvBulkLoad;
};

export type CsvBulkLoad = {
  /** The tables the kind writes to. */
  tables: readonly string[];
  /** Non-unique indexes the writer reads through: kept, or every lookup would scan its table. */
  keepIndexes: readonly string[];
  /** FTS5 tables the writes index: their merging waits for the end. */
  searchTables: readonly string[];
  /** The table whose size says whether the file is large next to what is there already. */
  sizeTable: BulkSizeTable;
};

export const normalizeHeader = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Where each wanted field sits in the header line; names the missing groups it cannot do without. */
export function mapHeader<F extends string>(
  header: string[],
  kind: Pick<CsvImportKind<F, unknown>, 'columns' | 'required'>,
): Map<F, number> {
  const positions = new Map<F, number>();
  const normalized = header.map(normalizeHeader);
  for (const [field, aliases] of Object.entries(kind.columns) as [F, readonly string[]][]) {
    const wanted = new Set(aliases.map(normalizeHeader));
    const index = normalized.findIndex((h) => wanted.has(h));
    if (index !== -1) positions.set(field, index);
  }
  for (const group of kind.required) {
    if (!group.some((f) => positions.has(f))) {
      const accepted = group.flatMap((f) => kind.columns[f]).join('", "');
      throw new CsvImportError(
        `The file has no ${group.join(' / ')} column (accepted headers: "${accepted}").`,
      );
    }
  }
  return positions;
}
