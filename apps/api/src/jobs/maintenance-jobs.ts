// Retention, housekeeping and the daily backup: thin wrappers over @keydesk/maintenance.
import { backupDatabase, type JobSetting, retention } from '@keydesk/maintenance';
import type { AppServices } from '../context.ts';
import { readJobSetting } from './job-settings.ts';
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

/** A daily job that deletes what is older than a number of days the owner may change. */
function retentionJob(
  definition: Pick<ScheduledJob, 'name' | 'label' | 'description'> & {
    setting: Omit<JobSetting, 'unit'>;
    /** Deletes what is older than `days`: how many rows, or rows deleted and rows kept but emptied. */
    purge(sqlite: Sqlite, now: Date, days: number): number | { deleted: number; emptied: number };
    /** What the run's summary calls the deleted rows and, where a purge empties some, their parts. */
    nouns: { deleted: string; emptied?: string };
    /** Names the job that purges instead of this one, or null when this one does. */
    leftTo?: () => string | null;
  },
): ScheduledJob {
  const { purge, nouns, leftTo, setting, ...described } = definition;
  const job: ScheduledJob = {
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

export const loginAttemptsPurgeJob = retentionJob({
  name: 'login-attempts.purge',
  label: 'Forget old sign-in attempts',
  description: 'Deletes sign-in attempts (IP addresses) older than the retention period.',
  setting: { label: 'Keep sign-in attempts for', defaultValue: 30, min: 1, max: 365 },
  purge: retention.purgeLoginAttempts,
  nouns: { deleted: 'attempts' },
});

export const outboxPurgeJob = retentionJob({
  name: 'outbox.purge',
  label: 'Clear old outbox emails',
  description:
    'Deletes sent mail older than the retention period; resend history keeps its row without the key.',
  setting: { label: 'Keep sent mail for', defaultValue: 90, min: 1, max: 3650 },
  purge: retention.purgeSentOutbox,
  nouns: { deleted: 'sent emails', emptied: 'resend bodies' },
});

export const webhookEventsPurgeJob = retentionJob({
  name: 'webhook-events.purge',
  label: 'Trim old webhook requests',
  description:
    'Deletes refused and duplicate webhook requests past retention; older notifications keep their row without the payload.',
  setting: { label: 'Keep webhook payloads for', defaultValue: 90, min: 1, max: 3650 },
  purge: retention.purgeWebhookEvents,
  nouns: { deleted: 'refused or duplicate requests', emptied: 'payloads' },
});

export const auditLogPurgeJob = retentionJob({
  name: 'audit-log.purge',
  label: 'Forget old audit entries',
  description: 'Deletes audit entries older than the retention period.',
  setting: { label: 'Keep audit entries for', defaultValue: 365, min: 30, max: 3650 },
  purge: retention.purgeAuditLog,
  nouns: { deleted: 'audit entries' },
});

/** Only for a build without the roll-up job: raw rows hold IP addresses and must not stay. */
export function rawUpdateChecksPurgeJob(isRollupRegistered: () => boolean): ScheduledJob {
  return retentionJob({
    name: 'update-checks.purge-raw',
    label: 'Delete raw update checks',
    description: `Deletes raw update-check rows (IP addresses) past retention, unless ${UPDATE_CHECK_ROLLUP_JOB} does it.`,
    setting: { label: 'Keep raw update checks for', defaultValue: 14, min: 1, max: 90 },
    purge: retention.purgeRawUpdateChecks,
    nouns: { deleted: 'raw update checks' },
    leftTo: () => (isRollupRegistered() ? UPDATE_CHECK_ROLLUP_JOB : null),
  });
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
