// The page-wide chart settings, shared by every chart on the Analytics page.
import type { Granularity } from './analytics-series.ts';

export type RangePreset = '7d' | '30d' | '90d' | '12m' | 'all' | 'custom';
export type AnalyticsQuery = {
  range: RangePreset;
  from?: string;
  to?: string;
  granularity: Granularity;
  compare: boolean;
};

export const DEFAULT_QUERY: AnalyticsQuery = { range: '30d', granularity: 'day', compare: false };

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
