// Date ranges of the Analytics page: presets or custom days, always whole UTC days, inclusive.
export const RANGE_PRESETS = ['7d', '30d', '90d', '12m', 'all', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export type RangeInput = { range: RangePreset; from?: string; to?: string };
export type DayRange = { from: string; to: string };

const DAY_MS = 86_400_000;
const PRESET_DAYS: Record<Exclude<RangePreset, 'all' | 'custom'>, number> = {
  '7d': 7,
  '30d': 30,
  '90d': 90,
  '12m': 365,
};
/** 'all' starts here; the result's `from` is then moved to the first day with data. */
export const ALL_FROM = '2000-01-01';

export function toDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  return toDay(dayMs(day) + days * DAY_MS);
}

export function resolveRange(input: RangeInput, now: Date): DayRange {
  const today = toDay(now.getTime());
  if (input.range === 'custom') {
    const from = input.from ?? today;
    const to = input.to ?? today;
    return from <= to ? { from, to } : { from: to, to: from };
  }
  if (input.range === 'all') return { from: ALL_FROM, to: today };
  return { from: addDays(today, -(PRESET_DAYS[input.range] - 1)), to: today };
}

/** The period of the same length that ends the day before `range` starts. */
export function previousRange(range: DayRange): DayRange {
  const days = Math.round((dayMs(range.to) - dayMs(range.from)) / DAY_MS) + 1;
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** The bucket a day falls in, as chart-sql.ts labels it: the day, its week's Monday, its month's 1st. */
export function bucketOf(day: string, granularity: Granularity): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(dayMs(day)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
}

/** The last day of the bucket labelled `bucket`. */
export function bucketEnd(bucket: string, granularity: Granularity): string {
  if (granularity === 'day') return bucket;
  if (granularity === 'week') return addDays(bucket, 6);
  const d = new Date(dayMs(bucket));
  return toDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
}

/**
 * Buckets the range covers only in part, so a chart can draw them as partial instead of as a
 * collapse: the first when the range starts after its bucket does (a 30-day range starting
 * mid-week), the last when the range ends before its bucket does or the period is still running
 * (today, this week). `through` is the last day with data the bucket can hold.
 */
export type PartialBuckets = {
  first: { bucket: string; from: string } | null;
  last: { bucket: string; through: string } | null;
};

export function partialBuckets(range: DayRange, granularity: Granularity, now: Date): PartialBuckets {
  const today = toDay(now.getTime());
  const firstBucket = bucketOf(range.from, granularity);
  const lastBucket = bucketOf(range.to, granularity);
  // Day strings compare in calendar order; the bucket holds data up to today at most.
  const through = [range.to, today].sort()[0] ?? today;
  const lastIsPartial = range.to >= today || range.to < bucketEnd(lastBucket, granularity);
  return {
    first: range.from > firstBucket ? { bucket: firstBucket, from: range.from } : null,
    last: lastIsPartial ? { bucket: lastBucket, through } : null,
  };
}

/**
 * Where the previous period stops so it covers the same elapsed span as `range`: when `range`
 * ends today, part-way through its last day, the previous period's last day is cut at the same
 * time of day. Returns the exclusive end in epoch milliseconds.
 */
export function previousEndMs(range: DayRange, previous: DayRange, now: Date): number {
  const today = toDay(now.getTime());
  const wholeEnd = dayMs(addDays(previous.to, 1));
  if (range.to !== today) return wholeEnd;
  return Math.min(wholeEnd, dayMs(previous.to) + (now.getTime() - dayMs(today)));
}
