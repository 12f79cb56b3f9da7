// Date ranges as calendar days (YYYY-MM-DD, both ends included) in the owner's time zone.
import dayjs from 'dayjs';

export const DATE_RANGE_PRESETS = [
  { value: '7d', label: '7d', description: 'Last 7 days' },
  { value: '30d', label: '30d', description: 'Last 30 days' },
  { value: '90d', label: '90d', description: 'Last 90 days' },
  { value: '12m', label: '12m', description: 'Last 12 months' },
  { value: 'all', label: 'All', description: 'All time' },
] as const;

export type DateRangePreset = (typeof DATE_RANGE_PRESETS)[number]['value'];

/** `from`/`to` are inclusive days; null means open-ended ("all time" has both null). */
export type DateRange = { from: string | null; to: string | null };

const DAY = 'YYYY-MM-DD';

/** The range a preset covers, ending on `today` (the owner's current day, see `toZonedDay`). */
export function resolveDateRangePreset(preset: DateRangePreset, today: string): DateRange {
  const end = dayjs(today);
  switch (preset) {
    case '7d':
      return { from: end.subtract(6, 'day').format(DAY), to: today };
    case '30d':
      return { from: end.subtract(29, 'day').format(DAY), to: today };
    case '90d':
      return { from: end.subtract(89, 'day').format(DAY), to: today };
    case '12m':
      return { from: end.subtract(12, 'month').add(1, 'day').format(DAY), to: today };
    case 'all':
      return { from: null, to: null };
  }
}

/** The preset a range equals today, so the picker can show it selected; null for a custom range. */
export function matchDateRangePreset(range: DateRange, today: string): DateRangePreset | null {
  for (const { value } of DATE_RANGE_PRESETS) {
    const candidate = resolveDateRangePreset(value, today);
    if (candidate.from === range.from && candidate.to === range.to) return value;
  }
  return null;
}

/** Days in a closed range (1 for a single day); null when open-ended. */
export function countRangeDays(range: DateRange): number | null {
  if (!range.from || !range.to) return null;
  return dayjs(range.to).diff(dayjs(range.from), 'day') + 1;
}

/** A range picked in either order, with a missing end meaning the same single day. */
export function normalizeDateRange(from: string | null, to: string | null): DateRange {
  if (from && !to) return { from, to: from };
  if (!from && to) return { from: to, to };
  if (from && to && from > to) return { from: to, to: from };
  return { from, to };
}
