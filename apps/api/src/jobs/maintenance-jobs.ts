// Retention, housekeeping and the daily backup: thin wrappers over @keydesk/maintenance.
import { backupDatabase, type JobSetting, retention } from '@keydesk/maintenance';
import type { AppServices } from '../context.ts';
import { readJobSetting } from './job-settings.ts';
import retentionJobWords from './retention-jobs.json' with { type: 'json' };
import type { ScheduledJob } from './scheduled-job.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const count = (n: number) => n.toLocaleString('en');

/** Owned by the analytics engineer: when it exists it rolls raw rows up and deletes them itself. */
export const UPDATE_CHECK_ROLLUP_JOB = 'update-checks.rollup';

export const sessionsPurgeJob: ScheduledJob = {
  name: 'sessions.purge',
  label: 'Remove expired sessions',
  description: 'Removes sessions that have expired or gone idle.',
  defaultIntervalMs: HOUR,
  async run(services, now) {
    const n = retention.purgeExpiredSessions(services.db.sqlite, now, services.sessionPolicy.idleMs);
    return `deleted ${count(n)} expired sessions`;
  },
};

type Sqlite = AppServices['db']['sqlite'];

/**
 * The retention jobs' words, as the owner reads them in Settings → Scheduled jobs: name, label,
 * description, the setting's range, and what a run's summary calls what it removed.
 */
type RetentionWords = Pick<ScheduledJob, 'label' | 'description'> & {
  setting: Omit<JobSetting, 'unit'>;
  /** What the run's summary calls the deleted rows and, where a purge empties some, their parts. */
  nouns: { deleted: string; emptied?: string };
};
const RETENTION_JOBS = retentionJobWords satisfies Record<string, RetentionWords>;
type RetentionJobName = keyof typeof RETENTION_JOBS;

/** Deletes what is older than `days`: how many rows, or rows deleted and rows kept but emptied. */
type Purge = (sqlite: Sqlite, now: Date, days: number) => number | { deleted: number; emptied: number };

/**
 * A daily job that deletes what is older than a number of days the owner may change.
 * `leftTo` names the job that purges instead of this one, or null when this one does.
 */
function retentionJob(name: RetentionJobName, purge: Purge, leftTo?: () => string | null): ScheduledJob {
  const { setting, nouns, ...described }: RetentionWords = RETENTION_JOBS[name];
  const job: ScheduledJob = {
    name,
    ...described,
    defaultIntervalMs: DAY,
    setting: { ...setting, unit: 'days' },
    async run(services, now) {
      const otherJob = leftTo?.();
      if (otherJob) return `left to ${otherJob}`;
      const days = readJobSetting(services.settings, job) ?? setting.defaultValue;
      const purged = purge(services.db.sqlite, now, days);
      const { deleted, emptied } = typeof purged === 'number' ? { deleted: purged, emptied: 0 } : purged;
      const emptiedPart = nouns.emptied ? `, emptied ${count(emptied)} ${nouns.emptied}` : '';
      return `deleted ${count(deleted)} ${nouns.deleted}${emptiedPart} older than ${days} days`;
    },
  };
  return job;
}

export const loginAttemptsPurgeJob = retentionJob('login-attempts.purge', retention.purgeLoginAttempts);
export const outboxPurgeJob = retentionJob('outbox.purge', retention.purgeSentOutbox);
export const webhookEventsPurgeJob = retentionJob('webhook-events.purge', retention.purgeWebhookEvents);
export const auditLogPurgeJob = retentionJob('audit-log.purge', retention.purgeAuditLog);

/** Only for a build without the roll-up job: raw rows hold IP addresses and must not stay. */
export function rawUpdateChecksPurgeJob(isRollupRegistered: () => boolean): ScheduledJob {
  return retentionJob('update-checks.purge-raw', retention.purgeRawUpdateChecks, () =>
    isRollupRegistered() ? UPDATE_CHECK_ROLLUP_JOB : null,
  );
}

export const vacuumJob: ScheduledJob = {
  name: 'database.vacuum',
  label: 'Compact the database',
  description: 'Compacts the database file when a fifth of it is free space, and refreshes query statistics.',
  defaultIntervalMs: 7 * DAY,
  async run(services) {
    const r = retention.vacuumIfWorthwhile(services.db.sqlite);
    return r.isVacuumed
      ? `vacuumed: ${count(r.freePages)} of ${count(r.pages)} pages were free`
      : `not needed: ${count(r.freePages)} of ${count(r.pages)} pages free; statistics refreshed`;
  },
};

export const backupJob: ScheduledJob = {
  name: 'database.backup',
  label: 'Back up the database',
  description:
    'Writes a checked copy of the database to the backups folder beside it and keeps the newest copies.',
  defaultIntervalMs: DAY,
  setting: { label: 'Backups to keep', unit: 'copies', defaultValue: 7, min: 1, max: 365 },
  async run(services, now) {
    const keep = readJobSetting(services.settings, this) ?? 7;
    const { backup, removed } = await backupDatabase({
      sqlite: services.db.sqlite,
      dbFile: services.db.file,
      now,
      keep,
    });
    return `wrote ${backup.name} (${count(Math.round(backup.bytes / 1024))} KiB, integrity ok); removed ${removed.length} old`;
  },
};
