import { outboxSenderWorker } from './outbox-sender-worker.ts';
import { mailboxSyncJob } from './mailbox-sync-job.ts';
import type { BackgroundWorker, ScheduledJob } from './scheduled-job.ts';
import { updateCheckRollupJob } from './update-check-rollup-job.ts';

/** Every scheduled job. Domains add theirs here. */
export const scheduledJobs: ScheduledJob[] = [mailboxSyncJob];
export const scheduledJobs: ScheduledJob[] = [updateCheckRollupJob];

/** Every background worker. Domains add theirs here. */
export const backgroundWorkers: BackgroundWorker[] = [outboxSenderWorker];
