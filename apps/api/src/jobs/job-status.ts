import { DomainError, NotFoundError } from '@keydesk/db';
import type { AppServices } from '../context.ts';
import { intervalSettingKey, readJobIntervalMs, readJobSetting, valueSettingKey } from './job-settings.ts';
import { scheduledJobs } from './registry.ts';
import type { ScheduledJob } from './scheduled-job.ts';
import { nextJobRunAt, schedulerStartedAtMs } from './scheduler.ts';

type LastRun = { startedAt: number; finishedAt: number | null; status: string; summary: string | null };

export function findJob(name: string): ScheduledJob {
  const job = scheduledJobs.find((j) => j.name === name);
  if (!job) throw new NotFoundError('job', `There is no job named ${name}.`);
  return job;
}

/** Every job with its schedule, its number setting and its last run, for Settings. */
export function listJobStatus(services: AppServices) {
  const lastRun = services.db.sqlite
    .prepare(
      'SELECT startedAt, finishedAt, status, summary FROM JobRun WHERE job = ? ORDER BY startedAt DESC, id DESC LIMIT 1',
    )
    .safeIntegers(false);
  return scheduledJobs.map((job) => {
    const run = lastRun.get(job.name) as LastRun | undefined;
    const next = nextJobRunAt(services, job, schedulerStartedAtMs());
    return {
      name: job.name,
      label: job.label,
      description: job.description,
      intervalMinutes: Math.round(readJobIntervalMs(services.settings, job) / 60_000),
      defaultIntervalMinutes: Math.round(job.defaultIntervalMs / 60_000),
      setting: job.setting
        ? { ...job.setting, value: readJobSetting(services.settings, job) ?? job.setting.defaultValue }
        : null,
      lastRun: run
        ? {
            startedAt: new Date(run.startedAt),
            finishedAt: run.finishedAt === null ? null : new Date(run.finishedAt),
            status: run.status,
            summary: run.summary,
          }
        : null,
      nextRunAt: next === null ? null : new Date(next),
    };
  });
}

export class JobSettingRangeError extends DomainError {
  readonly kind = 'invalid';
}

export function updateJobSchedule(
  services: AppServices,
  input: { name: string; intervalMinutes?: number | undefined; settingValue?: number | undefined },
): void {
  const job = findJob(input.name);
  if (input.settingValue !== undefined) {
    const s = job.setting;
    if (!s) throw new JobSettingRangeError(`${job.name} has no setting to change.`);
    if (input.settingValue < s.min || input.settingValue > s.max)
      throw new JobSettingRangeError(`${s.label} must be between ${s.min} and ${s.max} ${s.unit}.`);
  }
  if (input.intervalMinutes !== undefined)
    services.settings.set(intervalSettingKey(job.name), String(input.intervalMinutes));
  if (input.settingValue !== undefined)
    services.settings.set(valueSettingKey(job.name), String(input.settingValue));
}
