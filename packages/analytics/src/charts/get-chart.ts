import type { Db } from '@keydesk/db';
import {
  ALL_FROM,
  type DayRange,
  type Granularity,
  type PartialBuckets,
  partialBuckets,
  previousEndMs,
  previousRange,
  type RangeInput,
  resolveRange,
} from './chart-range.ts';
import {
  type BreakdownDimension,
  type BreakdownRow,
  queryBreakdown,
  querySeries,
  type SeriesRow,
  type TimeSeriesMetric,
} from './chart-sql.ts';
import { homeRevenueSeries, type MissingRate } from './home-revenue.ts';

export type TimeSeriesResult = {
  range: DayRange;
  rows: SeriesRow[];
  /** Buckets the range or the clock cuts short, for the chart to draw as partial. */
  partial: PartialBuckets;
  /**
   * The period of the same length just before, when asked for (never for "all"), covering the same
   * elapsed span: when the range ends today, timestamped rows of its last day count only up to the
   * current time of day. Per-day tables (web, downloads, rolled-up update checks) have no time of
   * day; their previous last day counts whole.
   */
  previous: { range: DayRange; rows: SeriesRow[]; endMs: number } | null;
  /**
   * Sales only, with a home currency set: revenue converted into it (series revenueHomeMinor) and
   * the currencies some days of which had no rate to convert with.
   */
  home: { currency: string; missing: MissingRate[] } | null;
};

/** 'all' starts at the first bucket with data, so the chart does not draw years of zeros. */
function trimAll(input: RangeInput, range: DayRange, rows: { bucket: string }[]): DayRange {
  if (input.range !== 'all' || range.from !== ALL_FROM) return range;
  let first = range.to;
  for (const row of rows) if (row.bucket < first) first = row.bucket;
  return { from: first, to: range.to };
}

export function getTimeSeries(options: {
  db: Db;
  now: Date;
  metric: TimeSeriesMetric;
  range: RangeInput;
  granularity: Granularity;
  compare: boolean;
  /** Revenue is also converted into this currency (sales only); null leaves money per currency. */
  homeCurrency?: string | null;
}): TimeSeriesResult {
  const { sqlite } = options.db;
  const { granularity } = options;
  const asked = resolveRange(options.range, options.now);
  const rows = querySeries(sqlite, options.metric, asked, granularity);
  const range = trimAll(options.range, asked, rows);
  const partial = partialBuckets(range, granularity, options.now);
  const homeCurrency = options.metric === 'sales' ? (options.homeCurrency ?? null) : null;
  const home = homeCurrency ? homeRevenueSeries({ sqlite, range, granularity, home: homeCurrency }) : null;
  if (home) rows.push(...home.rows);
  const homeInfo = home && homeCurrency ? { currency: homeCurrency, missing: home.missing } : null;
  if (!options.compare || options.range.range === 'all')
    return { range, rows, partial, previous: null, home: homeInfo };
  const prior = previousRange(range);
  const endMs = previousEndMs(range, prior, options.now);
  const previousRows = querySeries(sqlite, options.metric, prior, granularity, endMs);
  if (homeCurrency)
    previousRows.push(
      ...homeRevenueSeries({ sqlite, range: prior, granularity, home: homeCurrency, endMs }).rows,
    );
  return { range, rows, partial, previous: { range: prior, rows: previousRows, endMs }, home: homeInfo };
}

export function getBreakdown(options: {
  db: Db;
  now: Date;
  dimension: BreakdownDimension;
  range: RangeInput;
  limit: number;
}): { range: DayRange; rows: BreakdownRow[] } {
  const range = resolveRange(options.range, options.now);
  return { range, rows: queryBreakdown(options.db.sqlite, options.dimension, range, options.limit) };
}
