import { describe, expect, it } from 'vitest';
import {
  auditLogPurgeJob,
  loginAttemptsPurgeJob,
  outboxPurgeJob,
  rawUpdateChecksPurgeJob,
  UPDATE_CHECK_ROLLUP_JOB,
  webhookEventsPurgeJob,
} from './maintenance-jobs.ts';

// The retention jobs' words live in retention-jobs.json; these check the join, not the wording.
describe('retention jobs', () => {
  const rawPurge = rawUpdateChecksPurgeJob(() => false);
  const jobs = [loginAttemptsPurgeJob, outboxPurgeJob, webhookEventsPurgeJob, auditLogPurgeJob, rawPurge];

  it('each has its own name, words and a setting in days', () => {
    expect(new Set(jobs.map((job) => job.name)).size).toBe(jobs.length);
    for (const job of jobs) {
      expect(job.label).not.toBe('');
      expect(job.description).not.toBe('');
      expect(job.setting?.unit).toBe('days');
      const { min, max, defaultValue } = job.setting ?? { min: 0, max: -1, defaultValue: 0 };
      expect(defaultValue).toBeGreaterThanOrEqual(min);
      expect(defaultValue).toBeLessThanOrEqual(max);
    }
  });

  it('the raw update-check purge names the roll-up job it leaves the work to', () => {
    expect(rawPurge.description).toContain(UPDATE_CHECK_ROLLUP_JOB);
  });
});
