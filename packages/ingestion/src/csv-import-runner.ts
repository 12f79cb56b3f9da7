// Streams a CSV file into the database in constant memory. Rows are committed in batches, each in
// one transaction together with the ImportRun progress marker, so a killed import resumes where the
// last commit ended and no row is applied twice (the row writers are idempotent as well).
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { type Db, describeDatabaseError, withDeferredSearchIndex } from '@keydesk/db';
import { redactCardNumbers } from '@keydesk/privacy';
import { parse } from 'csv-parse';

export type CsvRowOutcome = 'created' | 'updated' | 'skipped';

/** A row that cannot go in; the message names the reason, the runner adds the line number. */
export class RowRejectedError extends Error {}

export class CsvImportError extends Error {}

export type CsvRow<F extends string> = Record<F, string>;

export type CsvImportKind<F extends string> = {
  kind: string;
  /** Distinguishes variants of one kind in the fingerprint (e.g. the reseller). */
  variant: string;
  /** Canonical field → accepted header names (compared without case, spaces or punctuation). */
  columns: Record<F, readonly string[]>;
  /** At least one field of each group must be present. */
  required: readonly (readonly F[])[];
  /** Called once per import; the returned function runs inside the batch transaction. */
  prepare(db: Db, now: Date): (row: CsvRow<F>) => CsvRowOutcome;
};

export type CsvRejection = { line: number; reason: string };

export type CsvImportProgress = { runId: number; bytesDone: number; bytesTotal: number; rowsDone: number };

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
const HEAD_BYTES = 1024 * 1024;

export const normalizeHeader = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Identifies the content (not the path): an uploaded copy of the same export resumes the same run. */
export function fingerprintFile(file: string, variant: string): { fingerprint: string; size: number } {
  const size = statSync(file).size;
  const hash = createHash('sha256').update(`${variant}\n${size}\n`);
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    readSync(fd, head, 0, head.length, 0);
    hash.update(head);
    const tailLength = Math.min(size, 64 * 1024);
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    hash.update(tail);
  } finally {
    closeSync(fd);
  }
  return { fingerprint: hash.digest('hex'), size };
}

function mapHeader<F extends string>(header: string[], kind: CsvImportKind<F>): Map<F, number> {
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

type RunRow = {
  id: number;
  status: string;
  itemsDone: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  errors: string | null;
};

export async function runCsvImport<F extends string>(options: {
  db: Db;
  now: () => Date;
  file: string;
  kind: CsvImportKind<F>;
  /** Run again even when this file was imported completely before (changes nothing if unchanged). */
  force?: boolean;
  batchSize?: number;
  onStart?: (runId: number) => void;
  onProgress?: (progress: CsvImportProgress) => void;
  onReject?: (rejection: CsvRejection) => void;
}): Promise<CsvImportSummary> {
  const { db, kind } = options;
  const sqlite = db.sqlite;
  const { fingerprint, size } = fingerprintFile(options.file, `${kind.kind}:${kind.variant}`);
  const startMs = options.now().getTime();
  sqlite
    .prepare(
      `INSERT INTO ImportRun (kind, fingerprint, source, status, bytesTotal, startedAt) VALUES (?, ?, ?, 'running', ?, ?)
       ON CONFLICT (kind, fingerprint) DO NOTHING`,
    )
    .run(
      kind.kind,
      fingerprint,
      redactCardNumbers(`${kind.variant} ${options.file}`.trim()).slice(0, 500),
      size,
      startMs,
    );
  const run = sqlite
    .prepare(
      'SELECT id, status, itemsDone, created, updated, skipped, rejected, errors FROM ImportRun WHERE kind = ? AND fingerprint = ?',
    )
    .safeIntegers(false)
    .get(kind.kind, fingerprint) as RunRow;
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
  sqlite
    .prepare(`UPDATE ImportRun SET status = 'running', finishedAt = NULL, bytesTotal = ? WHERE id = ?`)
    .run(size, run.id);

  const saveProgress = sqlite.prepare(
    `UPDATE ImportRun SET bytesDone = ?, itemsDone = ?, created = ?, updated = ?, skipped = ?, rejected = ?, errors = ? WHERE id = ?`,
  );
  const handle = kind.prepare(db, options.now());
  // Each commit writes a search-index segment and rewrites the index pages it touched: larger
  // batches mean fewer of both, but hold more rows and search terms in memory until the commit.
  const batchSize = options.batchSize ?? 10_000;
  let positions: Map<F, number> | null = null;
  let columnCount = 0;
  let batch: { record: string[]; line: number }[] = [];
  let bytesDone = 0;

  const reject = (line: number, reason: string) => {
    const rejection = { line, reason: redactCardNumbers(reason) };
    counts.rejected++;
    if (errors.length < MAX_STORED_ERRORS) errors.push(rejection);
    options.onReject?.(rejection);
  };
  // One transaction per batch; new rows reach the search index at the end of the batch, in the
  // same transaction (row-by-row trigger indexing made FTS5 write a segment per row).
  const writeBatch = (rows: { record: string[]; line: number }[]) => {
    for (const { record, line } of rows) {
      counts.rows++;
      if (record.length !== columnCount) {
        reject(line, `expected ${columnCount} columns, found ${record.length}`);
        continue;
      }
      const row = {} as CsvRow<F>;
      for (const [field, index] of positions as Map<F, number>) row[field] = record[index] ?? '';
      try {
        counts[handle(row)]++;
      } catch (error) {
        if (!(error instanceof RowRejectedError)) throw error;
        reject(line, error.message);
      }
    }
    saveProgress.run(
      bytesDone,
      counts.rows,
      counts.created,
      counts.updated,
      counts.skipped,
      counts.rejected,
      JSON.stringify(errors),
      run.id,
    );
  };
  const flush = () => {
    // A batch that fails to commit (full disk, lock) rolled back: so do its counts and rejections.
    const before = { ...counts };
    const storedBefore = errors.length;
    const rows = batch;
    try {
      withDeferredSearchIndex(sqlite, () => writeBatch(rows));
    } catch (error) {
      Object.assign(counts, before);
      errors.length = storedBefore;
      throw error;
    }
    batch = [];
    options.onProgress?.({ runId: run.id, bytesDone, bytesTotal: size, rowsDone: counts.rows });
  };

  const parser = createReadStream(options.file, { highWaterMark: 256 * 1024 }).pipe(
    parse({
      bom: true,
      info: true,
      delimiter: [',', ';', '\t'],
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: 1024 * 1024,
    }),
  );
  let failure: string | null = null;
  // While importing: fsync at checkpoints only, and checkpoint every ~80 MB of WAL instead of 4 MB.
  // Safe for resuming: a batch lost to a power cut loses its progress marker with it (same commit).
  const savedSynchronous = sqlite.pragma('synchronous', { simple: true });
  const savedAutocheckpoint = sqlite.pragma('wal_autocheckpoint', { simple: true });
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('wal_autocheckpoint = 20000');
  try {
    let seen = 0;
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; bytes: number };
    }>) {
      if (positions === null) {
        positions = mapHeader(item.record, kind);
        columnCount = item.record.length;
        continue;
      }
      seen++;
      bytesDone = item.info.bytes;
      if (seen <= resumeAfter) continue;
      batch.push({ record: item.record, line: item.info.lines });
      if (batch.length >= batchSize) flush();
    }
    if (positions === null) throw new CsvImportError('The file is empty: no header line.');
    bytesDone = size;
    flush();
  } catch (error) {
    // A full disk or another writer's lock: the failed batch rolled back whole, and the run ends
    // "failed" with a sentence the owner can act on; importing the file again resumes after the
    // last committed batch.
    const storage = describeDatabaseError(error);
    if (storage) failure = storage;
    else if (
      !(error instanceof CsvImportError) &&
      !(error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_'))
    )
      throw error;
    else failure = redactCardNumbers(error.message);
    if (!storage && positions !== null && batch.length > 0) flush();
  } finally {
    sqlite.pragma(`synchronous = ${Number(savedSynchronous)}`);
    sqlite.pragma(`wal_autocheckpoint = ${Number(savedAutocheckpoint)}`);
  }
  const status = failure ? 'failed' : 'completed';
  const markFinished = () =>
    sqlite
      .prepare('UPDATE ImportRun SET status = ?, finishedAt = ?, errors = ? WHERE id = ?')
      .run(
        status,
        options.now().getTime(),
        JSON.stringify(
          failure ? [...errors, { line: 0, reason: failure }].slice(-MAX_STORED_ERRORS) : errors,
        ),
        run.id,
      );
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
