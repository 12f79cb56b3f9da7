// The ImportRun statements of every import (order CSVs, mbox, chats, access logs): one row per input,
// found again by (kind, fingerprint) so a rerun resumes it. Times are epoch milliseconds.
import { sql } from '../sql.ts';

export type ImportRunRow = {
  id: number;
  kind: string;
  source: string;
  status: string;
  bytesDone: number;
  bytesTotal: number | null;
  itemsDone: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  errors: string | null;
  startedAt: number;
  finishedAt: number | null;
};

type ByInput = { kind: string; fingerprint: string };

const RUN_COLUMNS = `id, kind, source, status, bytesDone, bytesTotal, itemsDone, created, updated, skipped, rejected,
  errors, startedAt, finishedAt`;

export const importRunByInput = sql<ImportRunRow, ByInput>(
  `SELECT ${RUN_COLUMNS} FROM ImportRun WHERE kind = @kind AND fingerprint = @fingerprint`,
);

/** A second import of the same input finds the first one's row instead of a new one. */
export const insertImportRunIfAbsent = sql<
  never,
  ByInput & { source: string; bytesTotal: number; now: number }
>(
  `INSERT INTO ImportRun (kind, fingerprint, source, status, bytesDone, bytesTotal, startedAt)
   VALUES (@kind, @fingerprint, @source, 'running', 0, @bytesTotal, @now)
   ON CONFLICT (kind, fingerprint) DO NOTHING`,
);

export const markImportRunRunning = sql<never, { id: number; bytesTotal: number }>(
  `UPDATE ImportRun SET status = 'running', finishedAt = NULL, bytesTotal = @bytesTotal WHERE id = @id`,
);

type Progress = {
  id: number;
  bytesDone: number;
  itemsDone: number;
  created: number;
  updated: number | null;
  skipped: number;
  rejected: number;
};

const PROGRESS_COLUMNS = `bytesDone = @bytesDone, itemsDone = @itemsDone, created = @created,
  updated = COALESCE(@updated, updated), skipped = @skipped, rejected = @rejected`;

/** `updated` stays as it is when bound null (kinds that count no updates). */
export const saveImportRunProgress = sql<never, Progress & { errors: string | null }>(
  `UPDATE ImportRun SET ${PROGRESS_COLUMNS}, errors = @errors WHERE id = @id`,
);

/** For imports that list their problems only when they finish. */
export const saveImportRunProgressKeepingErrors = sql<never, Progress>(
  `UPDATE ImportRun SET ${PROGRESS_COLUMNS} WHERE id = @id`,
);

/** Between commits, for the progress bar only. */
export const reportImportRunPosition = sql<never, { id: number; bytesDone: number; itemsDone: number }>(
  'UPDATE ImportRun SET bytesDone = @bytesDone, itemsDone = @itemsDone WHERE id = @id',
);

export const finishImportRunRow = sql<
  never,
  { id: number; status: string; now: number; errors: string | null }
>('UPDATE ImportRun SET status = @status, finishedAt = @now, errors = @errors WHERE id = @id');

/** For imports whose progress saves already stored the list of problems. */
export const finishImportRunKeepingErrors = sql<never, { id: number; status: string; now: number }>(
  'UPDATE ImportRun SET status = @status, finishedAt = @now WHERE id = @id',
);

/** Runs of one kind whose fingerprint starts with `prefix` and that still say running: they were cut off. */
export const failRunningImportRuns = sql<
  never,
  { kind: string; prefix: string; errors: string; now: number }
>(
  `UPDATE ImportRun SET status = 'failed', errors = @errors, finishedAt = @now
   WHERE kind = @kind AND status = 'running' AND fingerprint LIKE @prefix || '%'`,
);

/** Starts the run of this input from zero, replacing an earlier row of the same input. */
export const restartImportRun = sql<
  { id: number },
  ByInput & { source: string; bytesTotal: number; now: number }
>(
  `INSERT INTO ImportRun (kind, fingerprint, source, status, bytesDone, bytesTotal, itemsDone, created, updated,
     skipped, rejected, errors, startedAt, finishedAt)
   VALUES (@kind, @fingerprint, @source, 'running', 0, @bytesTotal, 0, 0, 0, 0, 0, NULL, @now, NULL)
   ON CONFLICT (kind, fingerprint) DO UPDATE SET source = excluded.source, status = 'running', bytesDone = 0,
     bytesTotal = excluded.bytesTotal, itemsDone = 0, created = 0, skipped = 0, rejected = 0, errors = NULL,
     startedAt = excluded.startedAt, finishedAt = NULL
   RETURNING id`,
);

export const latestImportRunsOfKind = sql<ImportRunRow, { kind: string; limit: number }>(
  `SELECT ${RUN_COLUMNS} FROM ImportRun WHERE kind = @kind ORDER BY startedAt DESC, id DESC LIMIT @limit`,
);
