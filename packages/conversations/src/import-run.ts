// ImportRun bookkeeping shared by the mbox and chat imports: find the run for this input (so a
// rerun resumes), record progress inside the caller's transaction, finish it.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '@keydesk/db';
import { sql } from './sql.ts';

export type ImportKind = 'mbox' | 'chats';

export type ImportProblem = { at: string; reason: string };

export type ImportProgress = {
  runId: number;
  bytesDone: number;
  bytesTotal: number;
  itemsDone: number;
  created: number;
  skipped: number;
  rejected: number;
};

export type ImportSummary = ImportProgress & {
  status: 'completed' | 'already-imported';
  problems: ImportProblem[];
};

// Enough to list every refusal of a real export; past it the counts stay exact and a last entry says
// the list was cut (an unbounded list would be rewritten whole with every batch).
const MAX_PROBLEMS = 1000;

/** Name, size and a hash of the first MiB: the same file gives the same fingerprint. */
export function fingerprintFile(file: string): { fingerprint: string; size: number } {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 1 << 20));
    readSync(fd, head, 0, head.length, 0);
    const hash = createHash('sha256').update(head).digest('hex').slice(0, 24);
    return { fingerprint: `${path.basename(file)}:${size}:${hash}`, size };
  } finally {
    closeSync(fd);
  }
}

type RunRow = ImportProgress & { status: string; errors: string | null };

export function openImportRun(
  db: Db,
  kind: ImportKind,
  source: string,
  fingerprint: string,
  bytesTotal: number,
  now: Date,
): RunRow {
  const existing = sql(db).importRunFind.safeIntegers(false).get(kind, fingerprint) as RunRow | undefined;
  if (existing) {
    if (existing.status !== 'completed') {
      sql(db).importRunResume.run(existing.runId);
    }
    return existing;
  }
  const result = sql(db).importRunInsert.run(kind, fingerprint, source, bytesTotal, now.getTime());
  return {
    runId: Number(result.lastInsertRowid),
    status: 'running',
    bytesDone: 0,
    bytesTotal,
    itemsDone: 0,
    created: 0,
    skipped: 0,
    rejected: 0,
    errors: null,
  };
}

/** Call inside the same transaction as the rows it counts: the offset and the rows commit together. */
export function saveProgress(db: Db, progress: ImportProgress, problems: ImportProblem[]): void {
  sql(db).importRunProgress.run(
    progress.bytesDone,
    progress.itemsDone,
    progress.created,
    progress.skipped,
    progress.rejected,
    problems.length > 0 ? JSON.stringify(problems.slice(0, MAX_PROBLEMS + 1)) : null,
    progress.runId,
  );
}

export function finishImportRun(db: Db, runId: number, status: 'completed' | 'failed', now: Date): void {
  sql(db).importRunFinish.run(status, now.getTime(), runId);
}

export function parseProblems(errors: string | null): ImportProblem[] {
  if (!errors) return [];
  try {
    const parsed = JSON.parse(errors) as unknown;
    return Array.isArray(parsed) ? (parsed as ImportProblem[]) : [];
  } catch {
    return [];
  }
}

export function addProblem(problems: ImportProblem[], problem: ImportProblem): void {
  if (problems.length < MAX_PROBLEMS) problems.push(problem);
  else if (problems.length === MAX_PROBLEMS) {
    problems.push({ at: 'after', reason: `more than ${MAX_PROBLEMS} problems: only the first are listed` });
  }
}
