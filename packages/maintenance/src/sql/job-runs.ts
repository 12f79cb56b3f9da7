import { sql } from '@keydesk/db';

// The JobRun table: one row per run of a scheduled job, 'running' until it ends ok or failed.

export const lastJobRunSql = sql<
  { startedAt: number; finishedAt: number | null; status: string; summary: string | null },
  { job: string }
>(
  'SELECT startedAt, finishedAt, status, summary FROM JobRun WHERE job = @job ORDER BY startedAt DESC, id DESC LIMIT 1',
);

export const lastJobStartSql = sql<{ startedAt: number | null }, { job: string }>(
  'SELECT MAX(startedAt) AS startedAt FROM JobRun WHERE job = @job',
);

export const insertJobRunSql = sql<never, { job: string; startedAt: number }>(
  `INSERT INTO JobRun (job, startedAt, status) VALUES (@job, @startedAt, 'running')`,
);

export const finishJobRunSql = sql<
  never,
  { id: number; status: string; summary: string; finishedAt: number }
>('UPDATE JobRun SET status = @status, summary = @summary, finishedAt = @finishedAt WHERE id = @id');

export const closeInterruptedJobRunsSql = sql<never, { finishedAt: number }>(
  `UPDATE JobRun SET status = 'failed', summary = 'interrupted: the server stopped', finishedAt = @finishedAt WHERE status = 'running'`,
);
