import { describe, expect, it } from 'vitest';
import { setFormatSettings } from '../../lib/format.ts';
import { moneyChoices, toTimeChart } from './analytics-time-data.ts';

setFormatSettings({ locale: 'en-GB', timeZone: 'UTC' });

const rows = [
  { bucket: '2026-12-01', series: 'orders', currency: 'EUR', value: 2 },
  { bucket: '2026-12-01', series: 'orders', currency: 'USD', value: 3 },
  { bucket: '2026-12-01', series: 'revenueMinor', currency: 'EUR', value: 2000 },
  { bucket: '2026-12-01', series: 'revenueMinor', currency: 'USD', value: 9000 },
  { bucket: '2026-12-05', series: 'revenueMinor', currency: 'USD', value: 1000 },
];
const data = {
  range: { from: '2026-11-30', to: '2026-12-05' },
  rows,
  partial: { first: null, last: { bucket: '2026-12-05', through: '2026-12-05' } },
  previous: {
    range: { from: '2026-11-24', to: '2026-11-29' },
    rows: [{ bucket: '2026-11-25', series: 'revenueMinor', currency: 'USD', value: 5000 }],
  },
};

describe('toTimeChart', () => {
  it('shows money in one currency, with its previous period aligned and a headline', () => {
    const chart = toTimeChart(data, 'day', { series: ['revenueMinor'], currency: 'revenueMinor USD' });
    expect(chart.current.map((d) => d.key)).toEqual(['revenueMinor USD']);
    expect(chart.current[0]?.values).toEqual([0, 9000, 0, 0, 0, 1000]);
    expect(chart.previous[0]?.values).toEqual([0, 5000, 0, 0, 0, 0]);
    expect(chart.headline).toMatchObject({ current: 10_000, previous: 5000 });
  });

  it('adds order counts up across currencies', () => {
    const chart = toTimeChart(data, 'day', { series: ['orders'], sumCurrencies: true });
    expect(chart.current).toHaveLength(1);
    expect(chart.current[0]?.values[1]).toBe(5);
    expect(chart.current[0]?.currency).toBeNull();
  });

  it('labels buckets in the locale and notes the partial last one', () => {
    const chart = toTimeChart(data, 'day', { series: ['orders'], sumCurrencies: true });
    expect(chart.labels[0]).toBe('30 Nov');
    expect(chart.titles.at(-1)).toBe('5 Dec 2026');
    expect(chart.partialNotes.at(-1)).toBe('partial: through 5 Dec 2026');
    expect(chart.partialNotes.slice(0, -1).every((n) => n === null)).toBe(true);
  });

  it('names weeks by their Monday and months by name', () => {
    expect(toTimeChart(data, 'week', {}).titles).toEqual(['Week of 30 Nov 2026']);
    expect(toTimeChart(data, 'month', {}).labels).toEqual(['Nov 2026', 'Dec 2026']);
  });
});

describe('moneyChoices', () => {
  it('offers the home-currency total first, then currencies by revenue', () => {
    const withHome = [
      ...rows,
      { bucket: '2026-12-01', series: 'revenueHomeMinor', currency: 'EUR', value: 1 },
    ];
    expect(moneyChoices(withHome, ['revenueHomeMinor', 'revenueMinor'])).toEqual([
      { value: 'revenueHomeMinor EUR', label: 'EUR, all sales' },
      { value: 'revenueMinor USD', label: 'USD' },
      { value: 'revenueMinor EUR', label: 'EUR' },
    ]);
    expect(moneyChoices(rows, ['orders'])).toEqual([]);
  });

  it('ranks currencies by orders, not by sums of minor units', () => {
    const yen = [
      { bucket: '2026-12-01', series: 'orders', currency: 'JPY', value: 1 },
      { bucket: '2026-12-01', series: 'revenueMinor', currency: 'JPY', value: 990_000 },
      { bucket: '2026-12-01', series: 'orders', currency: 'USD', value: 9 },
      { bucket: '2026-12-01', series: 'revenueMinor', currency: 'USD', value: 9_000 },
    ];
    expect(moneyChoices(yen, ['revenueMinor']).map((c) => c.label)).toEqual(['USD', 'JPY']);
  });
});
