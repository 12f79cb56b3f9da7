import { readUpdateCheckRetentionDays, rollUpUpdateChecks } from '@keydesk/analytics';
import type { ScheduledJob } from './scheduled-job.ts';

/** Rolls update checks older than `retention.updateCheckDays` (default 14) into daily counts and deletes them. */
export const updateCheckRollupJob: ScheduledJob = {
  name: 'analytics.update-check-rollup',
  label: 'Roll up update checks',
  description: 'Rolls raw update checks past their retention period into daily counts and deletes them.',
  defaultIntervalMs: 6 * 3_600_000,
  async run(services, now) {
    const retentionDays = readUpdateCheckRetentionDays(services.settings);
    const { deleted, groups } = rollUpUpdateChecks({ db: services.db, now, retentionDays });
    return `rolled ${deleted.toLocaleString('en')} checks older than ${retentionDays} days into ${groups.toLocaleString('en')} daily rows and deleted them`;
  },
};
