// Chart labels in the owner's locale (lib/format.ts decides which): calendar days and buckets, short
// numbers for axes, language names instead of codes (country names: lib/format.ts). Buckets are calendar days (YYYY-MM-DD, UTC as the
// API labels them), so they are formatted in UTC: no time zone may shift a day into its neighbour.
import { getFormatSettings } from '../../lib/format.ts';

export type Granularity = 'day' | 'week' | 'month';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>(
  key: string,
  make: (locale: string) => T,
): T {
  const { locale } = getFormatSettings();
  const id = `${locale}|${key}`;
  let format = cache.get(id) as T | undefined;
  if (!format) {
    format = make(locale);
    cache.set(id, format);
  }
  return format;
}

/** A calendar day of the API (a bucket's first day) in the owner's locale, in UTC (see above). */
function formatUtcDay(day: string, key: string, options: Intl.DateTimeFormatOptions): string {
  return cached(key, (l) => new Intl.DateTimeFormat(l, { ...options, timeZone: 'UTC' })).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** "6 Nov 2026" / "Nov 6, 2026": a calendar day in the owner's locale. */
export function formatDay(day: string): string {
  return formatUtcDay(day, 'day', { dateStyle: 'medium' });
}

/** The short label of a bucket on an axis: "6 Nov", "Nov 2026". Weeks are named by their Monday. */
export function formatBucket(bucket: string, granularity: Granularity): string {
  return granularity === 'month'
    ? formatUtcDay(bucket, 'month', { month: 'short', year: 'numeric' })
    : formatUtcDay(bucket, 'dayShort', { day: 'numeric', month: 'short' });
}

/** The bucket's full name for a tooltip or a table row: "6 Nov 2026", "Week of 3 Nov 2026", "November 2026". */
export function formatBucketLong(bucket: string, granularity: Granularity): string {
  if (granularity === 'month') return formatUtcDay(bucket, 'monthLong', { month: 'long', year: 'numeric' });
  return granularity === 'week' ? `Week of ${formatDay(bucket)}` : formatDay(bucket);
}

/** Axis numbers: "1.2K", "3M" in the owner's locale. */
export function formatCompact(value: number): string {
  return cached(
    'compact',
    (l) => new Intl.NumberFormat(l, { notation: 'compact', maximumFractionDigits: 1 }),
  ).format(value);
}

/** Money in major units, compact for axes: "€1.2K", "¥350K". */
export function formatCompactMoney(valueMajor: number, currency: string): string {
  return cached(
    `money-${currency}`,
    (l) =>
      new Intl.NumberFormat(l, {
        style: 'currency',
        currency,
        notation: 'compact',
        maximumFractionDigits: 1,
      }),
  ).format(valueMajor);
}

/** Money already in major units (the charts' values): "€1,234.50". */
export function formatMajorMoney(valueMajor: number, currency: string): string {
  return cached(`major-${currency}`, (l) => new Intl.NumberFormat(l, { style: 'currency', currency })).format(
    valueMajor,
  );
}

/** "de" → "German"; used for the program's reported languages. */
export function formatLanguage(code: string): string {
  try {
    return cached('language', (l) => new Intl.DisplayNames(l, { type: 'language' })).of(code) ?? code;
  } catch {
    return code;
  }
}
