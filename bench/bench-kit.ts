// Shared helpers for `npm run bench`: every figure is printed as `BENCH <name> <value> <unit>`.
export const isQuick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

export function report(name: string, value: number, unit: string): void {
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Number(value.toPrecision(3));
  console.log(`BENCH ${name} ${rounded} ${unit}`);
}

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function reportPeakRss(name: string): void {
  report(`${name}.peak_rss`, peakRssMb(), 'MB');
}

export function percentile(sortedOrUnsorted: number[], p: number): number {
  const sorted = [...sortedOrUnsorted].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export async function timeIt<T>(fn: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}
