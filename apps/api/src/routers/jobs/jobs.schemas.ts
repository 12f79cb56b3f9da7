import { z } from 'zod';

export const ZJobName = z.string().trim().min(1).max(100);

export const ZJobFindOutput = z.array(
  z.object({
    name: z.string(),
    label: z.string(),
    description: z.string(),
    intervalMinutes: z.number().int(),
    defaultIntervalMinutes: z.number().int(),
    setting: z
      .object({
        label: z.string(),
        unit: z.enum(['days', 'copies']),
        value: z.number().int(),
        defaultValue: z.number().int(),
        min: z.number().int(),
        max: z.number().int(),
      })
      .nullable(),
    lastRun: z
      .object({
        startedAt: z.date(),
        finishedAt: z.date().nullable(),
        status: z.string(),
        summary: z.string().nullable(),
      })
      .nullable(),
    nextRunAt: z.date().nullable(),
  }),
);

// 0 turns a job off; at most 30 days between runs.
export const ZJobUpdateInput = z.object({
  name: ZJobName,
  intervalMinutes: z.number().int().min(0).max(43_200).optional(),
  settingValue: z.number().int().min(0).max(100_000).optional(),
});

export const ZJobRunNowOutput = z.object({ status: z.enum(['ok', 'failed']), summary: z.string() });
