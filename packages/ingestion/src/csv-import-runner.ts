// Streams a CSV file into the database in constant memory. Rows are committed in batches, each in
// one transaction together with the ImportRun progress marker, so a killed import resumes where the
// last commit ended and no row is applied twice (the row writers are idempotent as well).
import {
  type Db,
  describeDatabaseError,
  fingerprintFile,
  finishImportRun,
  type ImportRunByteProgress,
  openImportRun,
  resumeImportRun,
  saveImportProgress,
  withDeferredSearchIndex,
  withoutForeignKeyChecks,
} from '@keydesk/db';
import { redactCardNumbers } from '@keydesk/privacy';
import { type BulkLoad, startBulkLoadIfLarge } from './csv-bulk-load.ts';
import { CsvImportError, type CsvImportKind, type CsvRowOutcome, RowRejectedError } from './csv-kind.ts';
import { type CsvItem, readCsvBatches } from './csv-reader.ts';

export {
  CsvImportError,
  type CsvImportKind,
  type CsvRow,
  type CsvRowOutcome,
  normalizeHeader,
  RowRejectedError,
} from './csv-kind.ts';

export type CsvRejection = { line: number; reason: string };

export type CsvImportProgress = ImportRunByteProgress & {
  rowsDone: number;
  /** Set once every row is written, while the indexes a large import set aside are built again. */
  buildingIndexes?: boolean;
};

export type CsvImportSummary = {
  runId: number;
  status: 'completed' | 'failed';
  alreadyImported: boolean;
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  /** The first rejections (all of them are passed to onReject as they happen). */
  errors: CsvRejection[];
  failure: string | null;
};

const MAX_STORED_ERRORS = 200;

/**
 * Rows per transaction. Each commit writes a search-index segment and rewrites every index page
 * the batch touched (random-order keys touch most leaves of their index): larger batches mean fewer
 * of both, but hold more rows and search terms in memory until the commit. Measured on a
 * 1,000,000-row import: 8,000 rows peaked at 280 MB RSS and wrote 4% more than 10,000 (299 MB).
 */
export const CSV_IMPORT_BATCH_ROWS = 8_000;

export async function runCsvImport<F extends string, T>(options: {
  db: Db;
  now: () => Date;
  file: string;
  kind: CsvImportKind<F, T>;
  /** Run again even when this file was imported completely before (changes nothing if unchanged). */
  force?: boolean;
  batchSize?: number;
  /** Smallest expected row count that sets indexes aside (CSV_BULK_MIN_ROWS). */
  bulkMinRows?: number;
  onStart?: (runId: number) => void;
  onProgress?: (progress: CsvImportProgress) => void;
  onReject?: (rejection: CsvRejection) => void;
}): Promise<CsvImportSummary> {
  const { db, kind } = options;
  const sqlite = db.sqlite;
  // By content (not the path): an uploaded copy of the same export resumes the same run.
  const { fingerprint, size } = fingerprintFile(options.file, {
    by: 'content',
    variant: `${kind.kind}:${kind.variant}`,
  });
  const run = openImportRun(db, {
    kind: kind.kind,
    fingerprint,
    source: redactCardNumbers(`${kind.variant} ${options.file}`.trim()).slice(0, 500),
    bytesTotal: size,
    now: options.now(),
  });
  options.onStart?.(run.id);
  const storedErrors = (): CsvRejection[] => (run.errors ? (JSON.parse(run.errors) as CsvRejection[]) : []);
  if (run.status === 'completed' && !options.force) {
    return {
      runId: run.id,
      status: 'completed',
      alreadyImported: true,
      rows: run.itemsDone,
      created: run.created,
      updated: run.updated,
      skipped: run.skipped,
      rejected: run.rejected,
      errors: storedErrors(),
      failure: null,
    };
  }
  const counts =
    run.status === 'completed'
      ? { rows: 0, created: 0, updated: 0, skipped: 0, rejected: 0 }
      : {
          rows: run.itemsDone,
          created: run.created,
          updated: run.updated,
          skipped: run.skipped,
          rejected: run.rejected,
        };
  const errors = run.status === 'completed' ? [] : storedErrors();
  const resumeAfter = counts.rows;
  resumeImportRun(db, { id: run.id, bytesTotal: size });

  const now = options.now();
  const write = kind.openWriter(db, now);
  const batchSize = options.batchSize ?? CSV_IMPORT_BATCH_ROWS;
  let bytesDone = 0;

  const reject = (line: number, reason: string) => {
    const rejection = { line, reason: redactCardNumbers(reason) };
    counts.rejected++;
    if (errors.length < MAX_STORED_ERRORS) errors.push(rejection);
    options.onReject?.(rejection);
  };
  const writeBatch = (items: CsvItem<T>[]) => {
    for (const item of items) {
      counts.rows++;
      if ('reason' in item) {
        reject(item.line, item.reason);
        continue;
      }
      try {
        counts[write(item.value) satisfies CsvRowOutcome]++;
      } catch (error) {
        if (!(error instanceof RowRejectedError)) throw error;
        reject(item.line, error.message);
      }
    }
    saveImportProgress(db, run.id, { bytesDone, itemsDone: counts.rows, ...counts }, JSON.stringify(errors));
  };
  // One transaction per batch; new rows reach the search index at the end of the batch, in the
  // same transaction (row-by-row trigger indexing made FTS5 write a segment per row). The order
  // writer sets every reference from a row it just read or wrote, so the batch runs without the
  // foreign-key checks that made each insert keep a statement journal.
  const flush = (items: CsvItem<T>[]) => {
    // A batch that fails to commit (full disk, lock) rolled back: so do its counts and rejections.
    const before = { ...counts };
    const storedBefore = errors.length;
    try {
      withoutForeignKeyChecks(sqlite, () => withDeferredSearchIndex(sqlite, () => writeBatch(items)));
    } catch (error) {
      Object.assign(counts, before);
      errors.length = storedBefore;
      throw error;
    }
    options.onProgress?.({ runId: run.id, bytesDone, bytesTotal: size, rowsDone: counts.rows });
  };

  const batches = readCsvBatches(kind, { file: options.file, now, resumeAfter, batchSize });
  let failure: string | null = null;
  let bulkLoad: BulkLoad | null = null;
  let indexFailure: unknown = null;
  // While importing: fsync at checkpoints only, and checkpoint every ~80 MB of WAL instead of 4 MB.
  // Safe for resuming: a batch lost to a power cut loses its progress marker with it (same commit).
  const savedSynchronous = sqlite.pragma('synchronous', { simple: true });
  const savedAutocheckpoint = sqlite.pragma('wal_autocheckpoint', { simple: true });
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('wal_autocheckpoint = 20000');
  try {
    let first = true;
    for await (const batch of batches) {
      bytesDone = batch.done ? size : batch.bytesDone;
      if (first && !batch.done) {
        const firstBatch = { rowsBefore: resumeAfter, rows: batch.items.length, bytesDone, bytesTotal: size };
        bulkLoad = startBulkLoadIfLarge(sqlite, kind.bulk, firstBatch, options.bulkMinRows);
      }
      first = false;
      flush(batch.items);
    }
  } catch (error) {
    // A full disk or another writer's lock: the failed batch rolled back whole, and the run ends
    // "failed" with a sentence the owner can act on; importing the file again resumes after the
    // last committed batch.
    const storage = describeDatabaseError(error);
    if (storage) failure = storage;
    else if (!(error instanceof CsvImportError)) throw error;
    else failure = redactCardNumbers(error.message);
  } finally {
    await batches.return(undefined);
    sqlite.pragma(`synchronous = ${Number(savedSynchronous)}`);
    sqlite.pragma(`wal_autocheckpoint = ${Number(savedAutocheckpoint)}`);
    // Also when the import failed: the rows it committed are there, and queries need the indexes.
    if (bulkLoad) {
      options.onProgress?.({
        runId: run.id,
        bytesDone,
        bytesTotal: size,
        rowsDone: counts.rows,
        buildingIndexes: true,
      });
      indexFailure = bulkLoad.finish();
    }
  }
  if (indexFailure) {
    const storage = describeDatabaseError(indexFailure);
    if (!storage) throw indexFailure;
    failure ??= storage;
  }
  const status = failure ? 'failed' : 'completed';
  const markFinished = () =>
    finishImportRun(db, run.id, {
      status,
      now: options.now(),
      errors: JSON.stringify(
        failure ? [...errors, { line: 0, reason: failure }].slice(-MAX_STORED_ERRORS) : errors,
      ),
    });
  try {
    markFinished();
  } catch (error) {
    // The storage that stopped the import may refuse this last write too: the run then stays
    // "running" at its last committed batch, and the caller still gets the sentence.
    if (!describeDatabaseError(error)) throw error;
    failure ??= describeDatabaseError(error);
  }
  return {
    runId: run.id,
    status: failure ? 'failed' : 'completed',
    alreadyImported: false,
    ...counts,
    errors,
    failure,
  };
}
