import type { SettingsStore } from '@keydesk/settings';
import type { ScheduledJob } from './scheduled-job.ts';

// Stored as plain settings so the owner's changes survive restarts; 0 minutes means "off".
export const intervalSettingKey = (job: string) => `jobs.${job}.intervalMinutes`;
export const valueSettingKey = (job: string) => `jobs.${job}.setting`;

export function readJobIntervalMs(settings: SettingsStore, job: ScheduledJob): number {
  const stored = settings.get(intervalSettingKey(job.name));
  const minutes = stored === null ? Number.NaN : Number(stored);
  return Number.isFinite(minutes) && minutes >= 0 ? minutes * 60_000 : job.defaultIntervalMs;
}

export function readJobSetting(settings: SettingsStore, job: ScheduledJob): number | null {
  if (!job.setting) return null;
  const stored = settings.get(valueSettingKey(job.name));
  const value = stored === null ? Number.NaN : Number(stored);
  return Number.isInteger(value) && value >= job.setting.min && value <= job.setting.max
    ? value
    : job.setting.defaultValue;
}
