import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './analytics-csv.ts';
import { type AnalyticsQuery, DEFAULT_QUERY, parseQuery, querySearch } from './analytics-query.ts';
import { bucketKeys, bucketOf, toSeries } from './analytics-series.ts';

describe('bucketOf', () => {
  it.each([
    ['2025-03-05', 'day', '2025-03-05'],
    ['2025-03-05', 'week', '2025-03-03'],
    ['2025-03-03', 'week', '2025-03-03'],
    ['2025-03-09', 'week', '2025-03-03'],
    ['2025-01-01', 'week', '2024-12-30'],
    ['2025-03-31', 'month', '2025-03-01'],
  ] as const)('%s by %s → %s', (day, granularity, bucket) => {
    expect(bucketOf(day, granularity)).toBe(bucket);
  });
});

describe('bucketKeys', () => {
  it.each([
    ['2025-02-27', '2025-03-02', 'day', ['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02']],
    ['2025-03-05', '2025-03-18', 'week', ['2025-03-03', '2025-03-10', '2025-03-17']],
    ['2024-11-15', '2025-02-01', 'month', ['2024-11-01', '2024-12-01', '2025-01-01', '2025-02-01']],
    ['2025-03-05', '2025-03-05', 'month', ['2025-03-01']],
  ] as const)('%s..%s by %s', (from, to, granularity, keys) => {
    expect(bucketKeys(from, to, granularity)).toEqual(keys);
  });
});

describe('toSeries', () => {
  const buckets = ['2025-03-01', '2025-03-02', '2025-03-03'];
  it.each([
    ['no rows', [], []],
    [
      'fills empty buckets with zero',
      [{ bucket: '2025-03-02', series: 'pageViews', currency: null, value: 5 }],
      [{ key: 'pageViews', series: 'pageViews', currency: null, values: [0, 5, 0] }],
    ],
    [
      'splits money by currency, never summing them',
      [
        { bucket: '2025-03-01', series: 'revenueMinor', currency: 'EUR', value: 100 },
        { bucket: '2025-03-01', series: 'revenueMinor', currency: 'USD', value: 300 },
        { bucket: '2025-03-03', series: 'revenueMinor', currency: 'EUR', value: 50 },
      ],
      [
        { key: 'revenueMinor EUR', series: 'revenueMinor', currency: 'EUR', values: [100, 0, 50] },
        { key: 'revenueMinor USD', series: 'revenueMinor', currency: 'USD', values: [300, 0, 0] },
      ],
    ],
    [
      'ignores rows outside the buckets',
      [{ bucket: '2025-04-01', series: 'x', currency: null, value: 9 }],
      [{ key: 'x', series: 'x', currency: null, values: [0, 0, 0] }],
    ],
  ])('%s', (_name, rows, expected) => {
    expect(toSeries(rows, buckets)).toEqual(expected);
  });
});

describe('csv', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['-12', '-12'],
    [42, '42'],
    [null, ''],
  ] as const)('%j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('joins rows with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
  });
});

describe('parseQuery and querySearch', () => {
  it.each([
    ['', DEFAULT_QUERY],
    ['range=12m&by=month', { range: '12m', granularity: 'month', compare: true }],
    ['range=7d&compare=0', { range: '7d', granularity: 'day', compare: false }],
    ['range=all&compare=1', { range: 'all', granularity: 'day', compare: false }],
    ['range=bogus&by=hour', DEFAULT_QUERY],
    [
      'range=custom&from=2026-01-01&to=2026-01-31',
      { range: 'custom', from: '2026-01-01', to: '2026-01-31', granularity: 'day', compare: true },
    ],
    ['range=custom&from=2026-1-1', { range: 'custom', granularity: 'day', compare: true }],
  ] as const)('%s', (search, expected) => {
    expect(parseQuery(new URLSearchParams(search))).toEqual(expected);
  });

  it('survives the round trip through the URL and keeps other params', () =>
    fc.assert(
      fc.property(
        fc.constantFrom('7d', '30d', '90d', '12m', 'all', 'custom'),
        fc.constantFrom('day', 'week', 'month'),
        fc.boolean(),
        (range, granularity, compare) => {
          const query = {
            range,
            granularity,
            compare: range !== 'all' && compare,
            ...(range === 'custom' ? { from: '2026-02-01', to: '2026-03-01' } : {}),
          } as AnalyticsQuery;
          const params = querySearch(query, new URLSearchParams('section=sales'));
          expect(params.get('section')).toBe('sales');
          expect(parseQuery(params)).toEqual(query);
        },
      ),
    ));
});
