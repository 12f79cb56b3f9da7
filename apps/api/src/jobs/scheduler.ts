import { closeInterruptedJobRuns, type JobRunResult, lastJobStart, recordJobRun } from '@keydesk/maintenance';
import type { AppServices } from '../context.ts';
import { readJobIntervalMs } from './job-settings.ts';
import { scheduledJobs } from './registry.ts';
import type { ScheduledJob } from './scheduled-job.ts';

// One job at a time, in-process: a "run now" while the schedule runs the same job waits for it.
const running = new Map<string, Promise<JobRunResult>>();
// When the scheduler started: jobs that never ran count their first interval from here.
let startedAt = Date.now();
export const schedulerStartedAtMs = () => startedAt;

/** Runs one job now and records it in JobRun (running → ok | failed with a one-line summary). */
export function runJob(services: AppServices, job: ScheduledJob): Promise<JobRunResult> {
  const existing = running.get(job.name);
  if (existing) return existing;
  const promise = recordJobRun({
    db: services.db,
    job: job.name,
    now: services.now,
    work: (startedAt) => job.run(services, startedAt),
    onFailure: (summary) => services.logger.error('scheduled job failed', { job: job.name, error: summary }),
  }).finally(() => running.delete(job.name));
  running.set(job.name, promise);
  return promise;
}

/** When the job runs next, or null when its interval is 0 (off). */
export function nextJobRunAt(services: AppServices, job: ScheduledJob, startedAtMs: number): number | null {
  const interval = readJobIntervalMs(services.settings, job);
  if (interval <= 0) return null;
  const last = lastJobStart(services.db, job.name);
  // A job never run before waits a little after start-up rather than slowing the first minutes.
  return last === null ? startedAtMs + Math.min(interval, 5 * 60_000) : last + interval;
}

/**
 * Runs due jobs from `scheduledJobs`, one after another, checking every `tickMs`. Runs left
 * "running" by a killed server are closed as failed, so Settings never shows a run forever.
 */
export function startScheduler(
  services: AppServices,
  options: { tickMs?: number; jobs?: ScheduledJob[] } = {},
): { stop(): Promise<void> } {
  const jobs = options.jobs ?? scheduledJobs;
  const startedAtMs = services.now().getTime();
  startedAt = startedAtMs;
  closeInterruptedJobRuns(services.db, new Date(startedAtMs));
  let isStopped = false;
  let current: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    for (const job of jobs) {
      if (isStopped) return;
      const due = nextJobRunAt(services, job, startedAtMs);
      if (due !== null && due <= services.now().getTime()) await runJob(services, job);
    }
  };
  const timer = setInterval(() => {
    current = current
      .then(tick)
      .catch((error: unknown) => services.logger.error('scheduler tick failed', { error: String(error) }));
  }, options.tickMs ?? 30_000);
  timer.unref();
  return {
    async stop() {
      isStopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
