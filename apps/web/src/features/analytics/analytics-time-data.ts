// From the API's time series to what a chart draws: every bucket of the range, the datasets kept by
// the card (one currency at a time for money; counts summed across currencies), the previous period
// aligned bucket by bucket, and the partial-period notes. Pure, so it is unit-tested.
import { formatBucket, formatBucketLong, formatDay } from '../../components/charts/chart-format.ts';
import { bucketKeys, type Dataset, type Granularity, type SeriesRow, toSeries } from './analytics-series.ts';

export type TimeSeriesData = {
  range: { from: string; to: string };
  rows: SeriesRow[];
  partial: {
    first: { bucket: string; from: string } | null;
    last: { bucket: string; through: string } | null;
  };
  previous: { range: { from: string; to: string }; rows: SeriesRow[] } | null;
  home?: { currency: string } | null;
};

export const HOME_SERIES = 'revenueHomeMinor';

export type TimeChartOptions = {
  /** Only these series of the metric; all when absent. */
  series?: string[];
  /** Money is shown one dataset at a time: this key ("revenueHomeMinor EUR", "revenueMinor USD"). */
  currency?: string | null;
  /** Counts that arrive per currency (orders) are added up into one dataset. */
  sumCurrencies?: boolean;
};

export const isMoney = (d: { series: string; currency: string | null }) =>
  Boolean(d.currency) && d.series.endsWith('Minor');

function shape(datasets: Dataset[], options: TimeChartOptions): Dataset[] {
  const kept = datasets.filter((d) => !options.series || options.series.includes(d.series));
  const out: Dataset[] = [];
  for (const d of kept) {
    if (isMoney(d)) {
      if (d.key === options.currency) out.push(d);
      continue;
    }
    const same = options.sumCurrencies && d.currency ? out.find((o) => o.series === d.series) : undefined;
    if (same) same.values = same.values.map((v, i) => v + (d.values[i] ?? 0));
    else out.push(options.sumCurrencies ? { ...d, key: d.series, currency: null, values: [...d.values] } : d);
  }
  // The order the card asked for, so the first series is the headline.
  const order = (d: Dataset) => options.series?.indexOf(d.series) ?? 0;
  return out.sort((a, b) => order(a) - order(b));
}

/**
 * The money datasets a card can show, as picker options: the home-currency total first, then each
 * currency money arrived in, largest total first. Values are dataset keys (see toSeries).
 */
export function moneyChoices(rows: SeriesRow[], series: string[]): { value: string; label: string }[] {
  // Ranked by order count when the rows carry it: sums of minor units are not comparable across
  // currencies (a yen total dwarfs a dollar one).
  const hasOrders = rows.some((row) => row.series === 'orders');
  const totals = new Map<string, number>();
  let home: string | null = null;
  for (const row of rows) {
    if (!row.currency) continue;
    if (row.series === HOME_SERIES && series.includes(HOME_SERIES)) home = row.currency;
    const counts = hasOrders
      ? row.series === 'orders'
      : series.includes(row.series) && row.series !== HOME_SERIES;
    if (counts && row.series !== HOME_SERIES)
      totals.set(row.currency, (totals.get(row.currency) ?? 0) + row.value);
  }
  if (!series.some((s) => s !== HOME_SERIES && s.endsWith('Minor'))) totals.clear();
  const own = [...totals]
    .sort((a, b) => b[1] - a[1])
    .map(([currency]) => ({
      value: `${series.find((s) => s !== HOME_SERIES) ?? ''} ${currency}`,
      label: currency,
    }));
  return home ? [{ value: `${HOME_SERIES} ${home}`, label: `${home}, all sales` }, ...own] : own;
}

export function toTimeChart(data: TimeSeriesData, granularity: Granularity, options: TimeChartOptions) {
  const buckets = bucketKeys(data.range.from, data.range.to, granularity);
  const current = shape(toSeries(data.rows, buckets), options);
  const previous = data.previous
    ? shape(
        toSeries(
          data.previous.rows,
          bucketKeys(data.previous.range.from, data.previous.range.to, granularity),
        ),
        options,
      ).map((d) => ({ ...d, values: buckets.map((_, i) => d.values[i] ?? 0) }))
    : [];
  const partialNotes = buckets.map((bucket, i) => {
    if (i === buckets.length - 1 && data.partial.last?.bucket === bucket)
      return `partial: through ${formatDay(data.partial.last.through)}`;
    if (i === 0 && data.partial.first?.bucket === bucket)
      return `partial: from ${formatDay(data.partial.first.from)}`;
    return null;
  });
  const sum = (d: Dataset | undefined) => (d ? d.values.reduce((a, v) => a + v, 0) : 0);
  const headline = current[0]
    ? {
        dataset: current[0],
        current: sum(current[0]),
        previous: data.previous ? sum(previous.find((d) => d.key === current[0]?.key)) : null,
      }
    : null;
  return {
    buckets,
    labels: buckets.map((b) => formatBucket(b, granularity)),
    titles: buckets.map((b) => formatBucketLong(b, granularity)),
    partialNotes,
    current,
    previous,
    headline,
  };
}
