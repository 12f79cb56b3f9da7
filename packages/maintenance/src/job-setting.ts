import { DomainError } from '@keydesk/db';

/** A number the owner may change for one job in Settings (a retention period, copies kept). */
export type JobSetting = {
  label: string;
  unit: 'days' | 'copies';
  defaultValue: number;
  min: number;
  max: number;
};

export class JobSettingRangeError extends DomainError {
  readonly kind = 'invalid';
}

/** Refuses a value the job has no setting for, or one outside the setting's range. */
export function checkJobSettingValue(job: string, setting: JobSetting | undefined, value: number): void {
  if (!setting) throw new JobSettingRangeError(`${job} has no setting to change.`);
  if (value < setting.min || value > setting.max)
    throw new JobSettingRangeError(
      `${setting.label} must be between ${setting.min} and ${setting.max} ${setting.unit}.`,
    );
}
