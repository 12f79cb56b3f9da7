// Revenue in the owner's home currency: each day's takings per currency converted at that day's
// ECB rate, then summed into the chart's buckets. Days without a usable rate are left out and
// counted, so the page can say which currency lacks rates instead of showing a guess.
import type Database from 'better-sqlite3';
import { convertMinor, loadRates } from '../money/convert.ts';
import { dailySalesByCurrency } from '../sql/money.ts';
import { bucketOf, type DayRange, dayMs, type Granularity } from './chart-range.ts';
import type { SeriesRow } from './chart-sql.ts';

export const HOME_REVENUE_SERIES = 'revenueHomeMinor';

/** A currency whose sales on some days could not be converted, and how many such days. */
export type MissingRate = { currency: string; days: number; firstDay: string; lastDay: string };

export function homeRevenueSeries(options: {
  sqlite: Database.Database;
  range: DayRange;
  granularity: Granularity;
  home: string;
  /** Exclusive end; defaults to the midnight after range.to (see previousEndMs). */
  endMs?: number;
  /** Inclusive start; defaults to the midnight starting range.from (the Overview's window starts mid-day). */
  startMs?: number;
}): { rows: SeriesRow[]; missing: MissingRate[] } {
  const { sqlite, range, granularity, home } = options;
  const endMs = options.endMs ?? dayMs(range.to) + 86_400_000;
  const startMs = options.startMs ?? dayMs(range.from);
  const daily = dailySalesByCurrency.all(sqlite, { fromMs: startMs, toMs: endMs });
  const rates = loadRates(sqlite, [home, ...daily.map((row) => row.currency)], range.from, range.to);
  const buckets = new Map<string, number>();
  const missing = new Map<string, MissingRate>();
  for (const row of daily) {
    const converted = convertMinor(row.minor, row.currency, home, row.day, rates);
    if (converted === null) {
      // When the home currency itself lacks a rate, every foreign currency is missing that day.
      const currency = convertMinor(0, home, 'EUR', row.day, rates) === null ? home : row.currency;
      const gap = missing.get(currency) ?? { currency, days: 0, firstDay: row.day, lastDay: row.day };
      gap.days += 1;
      if (row.day < gap.firstDay) gap.firstDay = row.day;
      if (row.day > gap.lastDay) gap.lastDay = row.day;
      missing.set(currency, gap);
      continue;
    }
    const bucket = bucketOf(row.day, granularity);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + converted);
  }
  return {
    rows: [...buckets].map(([bucket, value]) => ({
      bucket,
      series: HOME_REVENUE_SERIES,
      currency: home,
      value,
    })),
    missing: [...missing.values()].sort((a, b) => b.days - a.days),
  };
}
