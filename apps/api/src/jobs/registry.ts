import {
  backupJob,
  loginAttemptsPurgeJob,
  outboxPurgeJob,
  rawUpdateChecksPurgeJob,
  sessionsPurgeJob,
  UPDATE_CHECK_ROLLUP_JOB,
  vacuumJob,
} from './maintenance-jobs.ts';
import type { BackgroundWorker, ScheduledJob } from './scheduled-job.ts';

/** Every scheduled job. Domains add theirs here. */
export const scheduledJobs: ScheduledJob[] = [
  sessionsPurgeJob,
  loginAttemptsPurgeJob,
  outboxPurgeJob,
  rawUpdateChecksPurgeJob(() => scheduledJobs.some((job) => job.name === UPDATE_CHECK_ROLLUP_JOB)),
  vacuumJob,
  backupJob,
];

/** Every background worker. Domains add theirs here. */
export const backgroundWorkers: BackgroundWorker[] = [];
