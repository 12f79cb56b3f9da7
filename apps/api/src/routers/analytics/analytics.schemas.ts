import { BREAKDOWN_DIMENSIONS, GRANULARITIES, RANGE_PRESETS, TIME_SERIES_METRICS } from '@keydesk/analytics';
import { z } from 'zod';
import { ZPageLimit } from '../page.schemas.ts';

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

export const ZRange = z
  .object({ range: z.enum(RANGE_PRESETS), from: ZDay.optional(), to: ZDay.optional() })
  .refine((r) => r.range !== 'custom' || (r.from && r.to), 'A custom range needs from and to.');

const ZDayRange = z.object({ from: z.string(), to: z.string() });

export const ZTimeSeriesInput = z.object({
  metric: z.enum(TIME_SERIES_METRICS),
  range: ZRange,
  granularity: z.enum(GRANULARITIES),
  compare: z.boolean().default(false),
});

const ZSeriesRow = z.object({
  bucket: z.string(),
  series: z.string(),
  currency: z.string().nullable(),
  value: z.number(),
});

export const ZTimeSeriesOutput = z.object({
  range: ZDayRange,
  rows: z.array(ZSeriesRow),
  partial: z.object({
    first: z.object({ bucket: z.string(), from: z.string() }).nullable(),
    last: z.object({ bucket: z.string(), through: z.string() }).nullable(),
  }),
  previous: z.object({ range: ZDayRange, rows: z.array(ZSeriesRow), endMs: z.number() }).nullable(),
  home: z
    .object({
      currency: z.string(),
      missing: z.array(
        z.object({ currency: z.string(), days: z.number().int(), firstDay: z.string(), lastDay: z.string() }),
      ),
    })
    .nullable(),
});

const ZCurrency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR');
export const ZMoneySettingsOutput = z.object({
  homeCurrency: ZCurrency.nullable(),
  /** The newest day the ECB rates table covers, or null when it holds none. */
  ratesThrough: z.string().nullable(),
});
export const ZSetHomeCurrencyInput = z.object({
  homeCurrency: ZCurrency.refine(
    (code) => Intl.supportedValuesOf('currency').includes(code),
    'a currency this server knows',
  ).nullable(),
});

export const ZBreakdownInput = z.object({
  dimension: z.enum(BREAKDOWN_DIMENSIONS),
  range: ZRange,
  limit: z.number().int().min(1).max(50).default(10),
});

export const ZBreakdownOutput = z.object({
  range: ZDayRange,
  rows: z.array(
    z.object({
      key: z.string(),
      currency: z.string().nullable(),
      value: z.number(),
      secondary: z.number().nullable(),
      total: z.number(),
    }),
  ),
});

export const ZPossibleAbuseInput = z.object({
  minNetworks: z.number().int().min(2).max(1000).default(3),
  limit: ZPageLimit,
});

export const ZPossibleAbuseOutput = z.object({
  retentionDays: z.number().int(),
  rows: z.array(
    z.object({
      licenseKey: z.string(),
      networks: z.number().int(),
      checks: z.number().int(),
      firstSeenMs: z.number(),
      lastSeenMs: z.number(),
    }),
  ),
});

export const ZImportAccessLogInput = z.object({
  paths: z.array(z.string().trim().min(1).max(1000)).min(1).max(20),
});
export const ZImportAccessLogOutput = z.object({ started: z.boolean(), message: z.string() });

export const ZImportRunsInput = z.object({ limit: z.number().int().min(1).max(50).default(10) });
export const ZImportRunsOutput = z.array(
  z.object({
    id: z.number().int(),
    source: z.string(),
    status: z.string(),
    bytesDone: z.number(),
    bytesTotal: z.number().nullable(),
    itemsDone: z.number(),
    created: z.number(),
    skipped: z.number(),
    rejected: z.number(),
    firstError: z.string().nullable(),
    startedAt: z.number(),
    finishedAt: z.number().nullable(),
  }),
);
