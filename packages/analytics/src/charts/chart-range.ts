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
