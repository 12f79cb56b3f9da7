// The charts' metrics and dimensions, and their queries; the statements are in ../sql/charts.ts.
import { keysOf } from '@keydesk/db';
import type Database from 'better-sqlite3';
import { BREAKDOWNS, type ChartParams, SERIES } from '../sql/charts.ts';
import type { DayRange, Granularity } from './chart-range.ts';
import { addDays, dayMs } from './chart-range.ts';

/** strftime format and two modifiers: a week is labelled by its Monday, a month by its first day. */
export const BUCKETS: Record<Granularity, [format: string, modifier1: string, modifier2: string]> = {
  day: ['%Y-%m-%d', '+0 days', '+0 days'],
  week: ['%Y-%m-%d', '-6 days', 'weekday 1'],
  month: ['%Y-%m-01', '+0 days', '+0 days'],
};

// The metrics and dimensions are the names of their statements, so a new chart is one statement.
export const TIME_SERIES_METRICS = keysOf(SERIES);
export type TimeSeriesMetric = keyof typeof SERIES;
export const BREAKDOWN_DIMENSIONS = keysOf(BREAKDOWNS);
export type BreakdownDimension = keyof typeof BREAKDOWNS;

export type SeriesRow = { bucket: string; series: string; currency: string | null; value: number };
export type BreakdownRow = {
  key: string;
  currency: string | null;
  value: number;
  secondary: number | null;
  total: number;
};

type Bound = Omit<ChartParams, 'limit'>;

function bound(range: DayRange, granularity: Granularity, endMs?: number): Bound {
  const [format, modifier1, modifier2] = BUCKETS[granularity];
  return {
    format,
    modifier1,
    modifier2,
    fromDay: range.from,
    toDay: range.to,
    fromMs: dayMs(range.from),
    toMs: endMs ?? dayMs(addDays(range.to, 1)),
  };
}

export function querySeries(
  sqlite: Database.Database,
  metric: TimeSeriesMetric,
  range: DayRange,
  granularity: Granularity,
  /** An earlier exclusive end than the range's last midnight, for timestamped rows (see previousEndMs). */
  endMs?: number,
): SeriesRow[] {
  // The limit binds nothing in a series; the parameters are one shape for every chart statement.
  const params = { ...bound(range, granularity, endMs), limit: 0 };
  const statement = SERIES[metric];
  if (!statement.pair) return statement.rows.all(sqlite, params);
  const [first, second] = statement.pair;
  const out: SeriesRow[] = [];
  for (const row of statement.rows.all(sqlite, params)) {
    out.push({ bucket: row.bucket, series: first, currency: row.currency, value: row.a });
    out.push({ bucket: row.bucket, series: second, currency: row.currency, value: row.b });
  }
  return out;
}

export function queryBreakdown(
  sqlite: Database.Database,
  dimension: BreakdownDimension,
  range: DayRange,
  limit: number,
): BreakdownRow[] {
  return BREAKDOWNS[dimension].all(sqlite, { ...bound(range, 'day'), limit });
}
