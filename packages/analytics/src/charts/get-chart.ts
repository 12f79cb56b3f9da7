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
}): TimeSeriesResult {
  const { sqlite } = options.db;
  const asked = resolveRange(options.range, options.now);
  const rows = querySeries(sqlite, options.metric, asked, options.granularity);
  const range = trimAll(options.range, asked, rows);
  const partial = partialBuckets(range, options.granularity, options.now);
  if (!options.compare || options.range.range === 'all') return { range, rows, partial, previous: null };
  const prior = previousRange(range);
  const endMs = previousEndMs(range, prior, options.now);
  return {
    range,
    rows,
    partial,
    previous: {
      range: prior,
      rows: querySeries(sqlite, options.metric, prior, options.granularity, endMs),
      endMs,
    },
  };
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
