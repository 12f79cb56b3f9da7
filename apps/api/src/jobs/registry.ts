import { exchangeRateJob } from './exchange-rate-job.ts';
import { mailboxSyncJob } from './mailbox-sync-job.ts';
import {
  auditLogPurgeJob,
  backupJob,
  loginAttemptsPurgeJob,
  outboxPurgeJob,
  rawUpdateChecksPurgeJob,
  sessionsPurgeJob,
  UPDATE_CHECK_ROLLUP_JOB,
  vacuumJob,
  webhookEventsPurgeJob,
} from './maintenance-jobs.ts';
import { outboxSenderWorker } from './outbox-sender-worker.ts';
import type { BackgroundWorker, ScheduledJob } from './scheduled-job.ts';
import { updateCheckRollupJob } from './update-check-rollup-job.ts';

/** Every scheduled job. Domains add theirs here. */
export const scheduledJobs: ScheduledJob[] = [
  mailboxSyncJob,
  updateCheckRollupJob,
  sessionsPurgeJob,
  loginAttemptsPurgeJob,
  outboxPurgeJob,
  webhookEventsPurgeJob,
  auditLogPurgeJob,
  rawUpdateChecksPurgeJob(() => scheduledJobs.some((job) => job.name === UPDATE_CHECK_ROLLUP_JOB)),
  vacuumJob,
  backupJob,
  exchangeRateJob(),
];

/** Every background worker. Domains add theirs here. */
export const backgroundWorkers: BackgroundWorker[] = [outboxSenderWorker];
