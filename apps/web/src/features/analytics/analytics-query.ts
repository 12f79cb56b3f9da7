// The page-wide chart settings, shared by every chart on the Analytics page. They live in the URL's
// search params (parseQuery / querySearch), so a view can be bookmarked and Back undoes a change.
import type { Granularity } from './analytics-series.ts';

export type RangePreset = '7d' | '30d' | '90d' | '12m' | 'all' | 'custom';
export type AnalyticsQuery = {
  range: RangePreset;
  from?: string;
  to?: string;
  granularity: Granularity;
  compare: boolean;
};

// Comparing is on by default: a headline figure means little without the period before.
export const DEFAULT_QUERY: AnalyticsQuery = { range: '30d', granularity: 'day', compare: true };

const PRESETS: readonly RangePreset[] = ['7d', '30d', '90d', '12m', 'all', 'custom'];
const GRANULARITY_VALUES: readonly Granularity[] = ['day', 'week', 'month'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The query a URL describes; anything missing or unknown falls back to the default. */
export function parseQuery(params: URLSearchParams): AnalyticsQuery {
  const range = PRESETS.find((p) => p === params.get('range')) ?? DEFAULT_QUERY.range;
  const granularity = GRANULARITY_VALUES.find((g) => g === params.get('by')) ?? DEFAULT_QUERY.granularity;
  const compareParam = params.get('compare');
  const compare = range !== 'all' && (compareParam === null ? DEFAULT_QUERY.compare : compareParam === '1');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (range === 'custom' && DAY.test(from) && DAY.test(to)) return { range, from, to, granularity, compare };
  return { range: range === 'custom' ? 'custom' : range, granularity, compare };
}

/** The query as search params, leaving out what equals the default so URLs stay short. */
export function querySearch(query: AnalyticsQuery, base = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const key of ['range', 'by', 'compare', 'from', 'to']) params.delete(key);
  if (query.range !== DEFAULT_QUERY.range) params.set('range', query.range);
  if (query.granularity !== DEFAULT_QUERY.granularity) params.set('by', query.granularity);
  if (query.compare !== DEFAULT_QUERY.compare && query.range !== 'all')
    params.set('compare', query.compare ? '1' : '0');
  if (query.range === 'custom' && query.from && query.to) {
    params.set('from', query.from);
    params.set('to', query.to);
  }
  return params;
}

/** A custom range is asked for only once both its days are set. */
export function isRangeReady(query: AnalyticsQuery): boolean {
  return query.range !== 'custom' || Boolean(query.from && query.to);
}

export function rangeInput(query: AnalyticsQuery) {
  return query.range === 'custom'
    ? { range: query.range, from: query.from, to: query.to }
    : { range: query.range };
}

export const SERIES_LABELS: Record<string, string> = {
  pageViews: 'Page views',
  visitors: 'Visitors',
  botRequests: 'Bot requests',
  downloads: 'Downloads',
  checks: 'Update checks',
  orders: 'Orders',
  revenueMinor: 'Revenue',
  revenueHomeMinor: 'Revenue',
  refunds: 'Refunds',
  refundedMinor: 'Refunded',
  newSubscribers: 'New subscribers',
  chats: 'Chats',
  emails: 'Emails',
};

/** Minor units → major units of a currency (JPY has none, most have two). */
export function minorToMajor(value: number, currency: string): number {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return value / 10 ** digits;
}
