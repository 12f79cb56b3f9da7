// When a CSV import is large next to what the database holds, it sets the written tables'
// secondary indexes aside and pauses full-text merging, and builds and merges once at its end
// (see deferred-indexes.ts in @keydesk/db for the mechanism and its crash safety).
import { type Db, deferSearchMerges, deferSecondaryIndexes, restoreDeferredIndexes } from '@keydesk/db';
import type { CsvBulkLoad } from './csv-kind.ts';
import { ROW_COUNTS } from './sql/orders.ts';

/**
 * An import expected to write at least this many rows, and at least as many as its table holds,
 * sets the table's secondary indexes aside and builds them again at the end: 16% less time for
 * 100,000 orders (paired runs). Below that, the dashboard's queries keep their indexes.
 */
export const CSV_BULK_MIN_ROWS = 20_000;

export type BulkLoad = {
  /** Builds and merges what was set aside; returns the error instead of throwing it. */
  finish(): unknown;
};

/**
 * Decided on the first batch read, whose bytes per row estimate the rows still to come. Returns
 * null when the import keeps every index in step.
 */
export function startBulkLoadIfLarge(
  sqlite: Db['sqlite'],
  bulk: CsvBulkLoad | undefined,
  firstBatch: {
    /** Records of the file before the batch, imported by an interrupted run. */
    rowsBefore: number;
    rows: number;
    /** Bytes of the file up to the end of the batch. */
    bytesDone: number;
    bytesTotal: number;
  },
  minRows = CSV_BULK_MIN_ROWS,
): BulkLoad | null {
  const { rowsBefore, rows, bytesDone, bytesTotal } = firstBatch;
  if (!bulk || rows === 0) return null;
  const rowsPerByte = (rowsBefore + rows) / bytesDone;
  const expectedRows = rows + (bytesTotal - bytesDone) * rowsPerByte;
  const existingRows = ROW_COUNTS[bulk.sizeTable].get(sqlite)?.n ?? 0;
  if (expectedRows < minRows || expectedRows < existingRows) return null;
  const load: BulkLoad = {
    finish() {
      try {
        // Leaves alone what an import in another process set aside; what fails here stays in
        // DeferredIndex for the next open of the database.
        restoreDeferredIndexes(sqlite, { of: 'mineAndAbandoned' });
        return null;
      } catch (error) {
        return error;
      }
    },
  };
  try {
    deferSecondaryIndexes(sqlite, bulk.tables, bulk.keepIndexes);
    deferSearchMerges(sqlite, bulk.searchTables);
  } catch (error) {
    // The first step may have succeeded: put back what it set aside before failing.
    load.finish();
    throw error;
  }
  return load;
}
