import type { Db } from '@keydesk/db';
import {
  closeInterruptedJobRunsSql,
  finishJobRunSql,
  insertJobRunSql,
  lastJobRunSql,
  lastJobStartSql,
} from './sql/job-runs.ts';

export type JobRunStatus = 'ok' | 'failed';
export type JobRunResult = { id: number; status: JobRunStatus; summary: string };
export type LastJobRun = { startedAt: Date; finishedAt: Date | null; status: string; summary: string | null };

// Summaries are one line for Settings; an error message can be a page long.
const SUMMARY_MAX = 1000;

/**
 * Runs `work` as one recorded run of `job`: a 'running' row first (so a crash leaves a trace),
 * then ok with work's summary or failed with the error's message. Never throws work's error.
 */
export async function recordJobRun(options: {
  db: Db;
  job: string;
  now: () => Date;
  work: (startedAt: Date) => Promise<string>;
  onFailure?: (summary: string) => void;
}): Promise<JobRunResult> {
  const { db, job, now } = options;
  const startedAt = now();
  const { lastInsertRowid: id } = insertJobRunSql.run(db, { job, startedAt: startedAt.getTime() });
  let result: JobRunResult;
  try {
    result = { id, status: 'ok', summary: await options.work(startedAt) };
  } catch (error) {
    result = { id, status: 'failed', summary: error instanceof Error ? error.message : String(error) };
    options.onFailure?.(result.summary);
  }
  finishJobRunSql.run(db, {
    id,
    status: result.status,
    summary: result.summary.slice(0, SUMMARY_MAX),
    finishedAt: now().getTime(),
  });
  return result;
}

/** The newest run of a job, for Settings. */
export function lastJobRun(db: Db, job: string): LastJobRun | null {
  const run = lastJobRunSql.get(db, { job });
  if (!run) return null;
  return {
    startedAt: new Date(run.startedAt),
    finishedAt: run.finishedAt === null ? null : new Date(run.finishedAt),
    status: run.status,
    summary: run.summary,
  };
}

/** When the job last started (epoch ms), or null if it never ran. */
export function lastJobStart(db: Db, job: string): number | null {
  return lastJobStartSql.get(db, { job })?.startedAt ?? null;
}

/** Runs a killed server left 'running' are closed as failed, so Settings never shows one forever. */
export function closeInterruptedJobRuns(db: Db, now: Date): void {
  closeInterruptedJobRunsSql.run(db, { finishedAt: now.getTime() });
}
