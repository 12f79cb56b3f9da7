// Pure helpers between the API's sparse rows and the charts: every bucket of the range, zeros
// where nothing happened, one dataset per series (and per currency for money). Tested table-driven.

export type Granularity = 'day' | 'week' | 'month';
export type SeriesRow = { bucket: string; series: string; currency: string | null; value: number };
export type Dataset = { key: string; series: string; currency: string | null; values: number[] };

const DAY_MS = 86_400_000;

function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function toDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The bucket a day falls in: itself, its week's Monday, or its month's first day (as the API labels them). */
export function bucketOf(day: string, granularity: Granularity): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return `${day.slice(0, 7)}-01`;
  const ms = dayMs(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  return toDay(ms - weekday * DAY_MS);
}

/** Every bucket from the one holding `from` to the one holding `to`, in order. */
export function bucketKeys(from: string, to: string, granularity: Granularity): string[] {
  const keys: string[] = [];
  let current = bucketOf(from, granularity);
  const last = bucketOf(to, granularity);
  while (current <= last && keys.length < 5000) {
    keys.push(current);
    if (granularity === 'day') current = toDay(dayMs(current) + DAY_MS);
    else if (granularity === 'week') current = toDay(dayMs(current) + 7 * DAY_MS);
    else {
      const d = new Date(dayMs(current));
      current = toDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    }
  }
  return keys;
}

/** Rows → one dataset per series (and currency), aligned to `buckets`, empty buckets as 0. */
export function toSeries(rows: SeriesRow[], buckets: string[]): Dataset[] {
  const index = new Map(buckets.map((bucket, i) => [bucket, i]));
  const datasets = new Map<string, Dataset>();
  for (const row of rows) {
    const key = row.currency ? `${row.series} ${row.currency}` : row.series;
    let dataset = datasets.get(key);
    if (!dataset) {
      dataset = { key, series: row.series, currency: row.currency, values: buckets.map(() => 0) };
      datasets.set(key, dataset);
    }
    const at = index.get(row.bucket);
    if (at !== undefined) dataset.values[at] = (dataset.values[at] ?? 0) + row.value;
  }
  return [...datasets.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** The sum of each dataset, for the table's total row and the Overview's sparkline figures. */
export function totals(datasets: Dataset[]): Map<string, number> {
  return new Map(datasets.map((d) => [d.key, d.values.reduce((sum, v) => sum + v, 0)]));
}
