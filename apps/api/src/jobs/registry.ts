import { outboxSenderWorker } from './outbox-sender-worker.ts';
import type { BackgroundWorker, ScheduledJob } from './scheduled-job.ts';

/** Every scheduled job. Domains add theirs here. */
export const scheduledJobs: ScheduledJob[] = [];

/** Every background worker. Domains add theirs here. */
export const backgroundWorkers: BackgroundWorker[] = [outboxSenderWorker];
