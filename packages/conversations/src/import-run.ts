// The mbox and chat imports' view of their ImportRun rows (kept by @keydesk/db for every import):
// counts as these imports report them, and their list of problems, capped.
import {
  type Db,
  finishImportRun as finishRun,
  type ImportRunByteProgress,
  openImportRun as openRun,
  resumeImportRun,
  saveImportProgress,
} from '@keydesk/db';

export type ImportKind = 'mbox' | 'chats';

export type ImportProblem = { at: string; reason: string };

export type ImportProgress = ImportRunByteProgress & {
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

type RunRow = ImportProgress & { status: string; errors: string | null };

/** The run of this input (a rerun resumes it); an unfinished one is marked running again. */
export function openImportRun(
  db: Db,
  kind: ImportKind,
  source: string,
  fingerprint: string,
  bytesTotal: number,
  now: Date,
): RunRow {
  const run = openRun(db, { kind, fingerprint, source, bytesTotal, now });
  if (run.status !== 'completed') resumeImportRun(db, { id: run.id, bytesTotal });
  return {
    runId: run.id,
    status: run.status,
    bytesDone: run.bytesDone,
    bytesTotal: run.bytesTotal ?? bytesTotal,
    itemsDone: run.itemsDone,
    created: run.created,
    skipped: run.skipped,
    rejected: run.rejected,
    errors: run.errors,
  };
}

/** Call inside the same transaction as the rows it counts: the offset and the rows commit together. */
export function saveProgress(db: Db, progress: ImportProgress, problems: ImportProblem[]): void {
  const errors = problems.length > 0 ? JSON.stringify(problems.slice(0, MAX_PROBLEMS + 1)) : null;
  saveImportProgress(db, progress.runId, progress, errors);
}

export function finishImportRun(db: Db, runId: number, status: 'completed' | 'failed', now: Date): void {
  finishRun(db, runId, { status, now });
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
