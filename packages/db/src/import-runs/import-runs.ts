// The progress-and-resume record of every import (ImportRun): opened once per input, its progress
// saved inside the same transaction as the rows it counts (so a crash resumes after the last commit,
// exactly once), finished with its outcome. The importers keep their own counting; this keeps the row.

import type Database from 'better-sqlite3';
import {
  failRunningImportRuns,
  finishImportRunKeepingErrors,
  finishImportRunRow,
  type ImportRunRow,
  importRunByInput,
  insertImportRunIfAbsent,
  latestImportRunsOfKind,
  markImportRunRunning,
  reportImportRunPosition,
  restartImportRun,
  saveImportRunProgress,
  saveImportRunProgressKeepingErrors,
} from '../sql/import-runs.ts';

export type { ImportRunRow } from '../sql/import-runs.ts';

/** A Db, or the connection itself (the access-log writer holds only the connection). */
type On = Database.Database | { sqlite: Database.Database };

export type ImportRunInput = {
  kind: string;
  fingerprint: string;
  /** Shown to the owner: a path or a file name, without secrets. */
  source: string;
  bytesTotal: number;
  now: Date;
};

/**
 * The run of this input: the earlier one if the input was seen before (its counts tell where to
 * resume, its status whether it completed), or a new one. Does not mark an earlier run running.
 */
export function openImportRun(db: On, input: ImportRunInput): ImportRunRow {
  const byInput = { kind: input.kind, fingerprint: input.fingerprint };
  insertImportRunIfAbsent.run(db, {
    ...byInput,
    source: input.source,
    bytesTotal: input.bytesTotal,
    now: input.now.getTime(),
  });
  const run = importRunByInput.get(db, byInput);
  if (!run) throw new Error(`ImportRun ${input.kind} ${input.fingerprint} vanished after its insert`);
  return run;
}

/** The run goes on (after a crash, a failure, or when forced again): running, not finished. */
export function resumeImportRun(db: On, run: { id: number; bytesTotal: number }): void {
  markImportRunRunning.run(db, run);
}

/**
 * Replaces the run of this input with a fresh one, after marking cut-off every run of the same kind
 * whose fingerprint starts with `stoppedPrefix` and that still says running (its process ended).
 */
export function restartImportRunOf(
  db: On,
  input: ImportRunInput & { stoppedPrefix: string; stoppedErrors: string },
): number {
  const now = input.now.getTime();
  failRunningImportRuns.run(db, {
    kind: input.kind,
    prefix: input.stoppedPrefix,
    errors: input.stoppedErrors,
    now,
  });
  const row = restartImportRun.get(db, {
    kind: input.kind,
    fingerprint: input.fingerprint,
    source: input.source,
    bytesTotal: input.bytesTotal,
    now,
  });
  if (!row) throw new Error('INSERT … RETURNING returned no ImportRun id');
  return row.id;
}

/** How much of its input a run has read, as every importer reports it for a progress bar. */
export type ImportRunByteProgress = { runId: number; bytesDone: number; bytesTotal: number };

export type ImportRunProgress = {
  bytesDone: number;
  itemsDone: number;
  created: number;
  /** Omitted by kinds that count no updates: the stored count stays. */
  updated?: number;
  skipped: number;
  rejected: number;
};

/**
 * Call inside the transaction of the rows it counts: the position and the rows commit together.
 * `errors` (a JSON list, or null for none) replaces the stored one; left out, the stored one stays.
 */
export function saveImportProgress(
  db: On,
  id: number,
  progress: ImportRunProgress,
  errors?: string | null,
): void {
  const row = {
    id,
    bytesDone: progress.bytesDone,
    itemsDone: progress.itemsDone,
    created: progress.created,
    updated: progress.updated ?? null,
    skipped: progress.skipped,
    rejected: progress.rejected,
  };
  if (errors === undefined) saveImportRunProgressKeepingErrors.run(db, row);
  else saveImportRunProgress.run(db, { ...row, errors });
}

/** Progress for the UI between commits: the counts are committed only with the rows. */
export function reportImportPosition(db: On, id: number, position: { bytesDone: number; itemsDone: number }) {
  reportImportRunPosition.run(db, { id, ...position });
}

/**
 * `errors` (a JSON list, or null for none) replaces the stored one; left out, the list the progress
 * saves stored stays.
 */
export function finishImportRun(
  db: On,
  id: number,
  outcome: { status: 'completed' | 'failed'; now: Date; errors?: string | null },
): void {
  const row = { id, status: outcome.status, now: outcome.now.getTime() };
  if (outcome.errors === undefined) finishImportRunKeepingErrors.run(db, row);
  else finishImportRunRow.run(db, { ...row, errors: outcome.errors });
}

/** The newest runs of one kind, newest first. */
export function listImportRuns(db: On, options: { kind: string; limit: number }): ImportRunRow[] {
  return latestImportRunsOfKind.all(db, options);
}
