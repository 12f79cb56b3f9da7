import type { JobSetting } from '@keydesk/maintenance';
import type { AppServices } from '../context.ts';

/**
 * A job the server runs on a schedule (retention, roll-ups, mailbox sync, backups). The scheduler
 * records each run in JobRun; Settings shows the schedule, the last run and its summary.
 */
export type ScheduledJob = {
  /** Stable id (run history, settings keys, the API). */
  name: string;
  /** What the owner reads in Settings: "Remove expired sessions". */
  label: string;
  description: string;
  /** Default interval; the owner may change it in Settings. */
  defaultIntervalMs: number;
  /** Optional number the job reads with `readJobSetting` (stored in settings, editable). */
  setting?: JobSetting;
  /** Returns a one-line summary of what it did, e.g. "deleted 1,204 rows". */
  run(services: AppServices, now: Date): Promise<string>;
};

/** A long-running loop (the outbox sender), started after the server listens and stopped on shutdown. */
export type BackgroundWorker = {
  name: string;
  start(services: AppServices): { stop(): Promise<void> };
};
