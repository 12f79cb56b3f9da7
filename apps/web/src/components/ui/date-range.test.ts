import { describe, expect, it } from 'vitest';
import {
  countRangeDays,
  type DateRangePreset,
  matchDateRangePreset,
  normalizeDateRange,
  resolveDateRangePreset,
} from './date-range.ts';

describe('resolveDateRangePreset', () => {
  it.each<[DateRangePreset, string, string | null, string | null]>([
    ['7d', '2026-03-05', '2026-02-27', '2026-03-05'],
    ['30d', '2026-03-05', '2026-02-04', '2026-03-05'],
    ['90d', '2026-03-31', '2026-01-01', '2026-03-31'],
    ['12m', '2026-03-05', '2025-03-06', '2026-03-05'],
    ['12m', '2024-02-29', '2023-03-01', '2024-02-29'],
    ['all', '2026-03-05', null, null],
  ])('%s ending %s starts %s', (preset, today, from, to) => {
    expect(resolveDateRangePreset(preset, today)).toEqual({ from, to });
  });

  it('covers exactly the number of days the label says', () => {
    expect(countRangeDays(resolveDateRangePreset('7d', '2026-01-03'))).toBe(7);
    expect(countRangeDays(resolveDateRangePreset('30d', '2026-03-29'))).toBe(30); // across DST in Europe
    expect(countRangeDays(resolveDateRangePreset('90d', '2026-11-01'))).toBe(90);
    expect(countRangeDays(resolveDateRangePreset('12m', '2026-01-01'))).toBe(365);
    expect(countRangeDays(resolveDateRangePreset('all', '2026-01-01'))).toBeNull();
  });
});

describe('matchDateRangePreset', () => {
  it('recognises a preset and reports a custom range as null', () => {
    const today = '2026-06-15';
    expect(matchDateRangePreset(resolveDateRangePreset('90d', today), today)).toBe('90d');
    expect(matchDateRangePreset({ from: null, to: null }, today)).toBe('all');
    expect(matchDateRangePreset({ from: '2026-06-01', to: '2026-06-10' }, today)).toBeNull();
    // Yesterday's "last 7 days" is a custom range today.
    expect(matchDateRangePreset(resolveDateRangePreset('7d', '2026-06-14'), today)).toBeNull();
  });
});

describe('normalizeDateRange', () => {
  it('orders the ends and completes a single day', () => {
    expect(normalizeDateRange('2026-05-10', '2026-05-01')).toEqual({ from: '2026-05-01', to: '2026-05-10' });
    expect(normalizeDateRange('2026-05-10', null)).toEqual({ from: '2026-05-10', to: '2026-05-10' });
    expect(normalizeDateRange(null, '2026-05-10')).toEqual({ from: '2026-05-10', to: '2026-05-10' });
    expect(normalizeDateRange(null, null)).toEqual({ from: null, to: null });
  });
});
