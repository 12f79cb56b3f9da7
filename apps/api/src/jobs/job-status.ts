import { NotFoundError } from '@keydesk/db';
import { checkJobSettingValue, lastJobRun } from '@keydesk/maintenance';
import type { AppServices } from '../context.ts';
import { intervalSettingKey, readJobIntervalMs, readJobSetting, valueSettingKey } from './job-settings.ts';
import { scheduledJobs } from './registry.ts';
import type { ScheduledJob } from './scheduled-job.ts';
import { nextJobRunAt, schedulerStartedAtMs } from './scheduler.ts';

export function findJob(name: string): ScheduledJob {
  const job = scheduledJobs.find((j) => j.name === name);
  if (!job) throw new NotFoundError('job', `There is no job named ${name}.`);
  return job;
}

/** Every job with its schedule, its number setting and its last run, for Settings. */
export function listJobStatus(services: AppServices) {
  return scheduledJobs.map((job) => {
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
      lastRun: lastJobRun(services.db, job.name),
      nextRunAt: next === null ? null : new Date(next),
    };
  });
}

export function updateJobSchedule(
  services: AppServices,
  input: { name: string; intervalMinutes?: number | undefined; settingValue?: number | undefined },
): void {
  const job = findJob(input.name);
  if (input.settingValue !== undefined) checkJobSettingValue(job.name, job.setting, input.settingValue);
  if (input.intervalMinutes !== undefined)
    services.settings.set(intervalSettingKey(job.name), String(input.intervalMinutes));
  if (input.settingValue !== undefined)
    services.settings.set(valueSettingKey(job.name), String(input.settingValue));
}
