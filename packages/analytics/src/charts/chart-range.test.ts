import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayMs, partialBuckets, previousEndMs, previousRange, resolveRange } from './chart-range.ts';

const NOW = new Date('2025-03-10T15:00:00Z');

describe('resolveRange', () => {
  it.each([
    [{ range: '7d' as const }, { from: '2025-03-04', to: '2025-03-10' }],
    [{ range: '30d' as const }, { from: '2025-02-09', to: '2025-03-10' }],
    [{ range: '12m' as const }, { from: '2024-03-11', to: '2025-03-10' }],
    [{ range: 'all' as const }, { from: '2000-01-01', to: '2025-03-10' }],
    [
      { range: 'custom' as const, from: '2025-01-01', to: '2025-01-31' },
      { from: '2025-01-01', to: '2025-01-31' },
    ],
    [
      { range: 'custom' as const, from: '2025-01-31', to: '2025-01-01' },
      { from: '2025-01-01', to: '2025-01-31' },
    ],
  ])('%j', (input, expected) => {
    expect(resolveRange(input, NOW)).toEqual(expected);
  });
});

describe('previousRange', () => {
  it.each([
    [
      { from: '2025-03-04', to: '2025-03-10' },
      { from: '2025-02-25', to: '2025-03-03' },
    ],
    [
      { from: '2025-03-01', to: '2025-03-01' },
      { from: '2025-02-28', to: '2025-02-28' },
    ],
  ])('%j', (range, expected) => {
    expect(previousRange(range)).toEqual(expected);
  });
});

describe('partialBuckets', () => {
  it.each([
    [
      '30 days by day: only today is partial',
      { from: '2025-02-09', to: '2025-03-10' },
      'day',
      null,
      { bucket: '2025-03-10', through: '2025-03-10' },
    ],
    [
      '30 days by week: starts on a Sunday, ends mid-week',
      { from: '2025-02-09', to: '2025-03-10' },
      'week',
      { bucket: '2025-02-03', from: '2025-02-09' },
      { bucket: '2025-03-10', through: '2025-03-10' },
    ],
    [
      '12 months by month: both ends partial',
      { from: '2024-03-11', to: '2025-03-10' },
      'month',
      { bucket: '2024-03-01', from: '2024-03-11' },
      { bucket: '2025-03-01', through: '2025-03-10' },
    ],
    ['a closed month in the past is whole', { from: '2025-01-01', to: '2025-01-31' }, 'month', null, null],
    [
      'a past range ending mid-month ends partial',
      { from: '2025-01-01', to: '2025-02-14' },
      'month',
      null,
      { bucket: '2025-02-01', through: '2025-02-14' },
    ],
    ['a past week ending on Sunday is whole', { from: '2025-02-24', to: '2025-03-09' }, 'week', null, null],
  ] as const)('%s', (_name, range, granularity, first, last) => {
    expect(partialBuckets(range, granularity, NOW)).toEqual({ first, last });
  });

  it('never marks a bucket of a past, bucket-aligned range', () => {
    return fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 60 }), (offset, weeks) => {
        const monday = addDays('2015-01-05', offset * 7);
        const range = { from: monday, to: addDays(monday, weeks * 7 - 1) };
        if (range.to >= '2025-03-10') return;
        expect(partialBuckets(range, 'week', NOW)).toEqual({ first: null, last: null });
      }),
    );
  });
});

describe('previousEndMs', () => {
  it('cuts the previous last day at the time of day it is now when the range ends today', () => {
    const range = { from: '2025-03-04', to: '2025-03-10' };
    const previous = previousRange(range);
    expect(new Date(previousEndMs(range, previous, NOW)).toISOString()).toBe('2025-03-03T15:00:00.000Z');
  });

  it('keeps the previous period whole when the range ended before today', () => {
    const range = { from: '2025-02-01', to: '2025-02-07' };
    const previous = previousRange(range);
    expect(new Date(previousEndMs(range, previous, NOW)).toISOString()).toBe('2025-02-01T00:00:00.000Z');
  });

  it('covers exactly the elapsed span of the current range', () => {
    return fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 86_399_999 }),
        (days, msOfDay) => {
          const now = new Date(Date.parse('2025-03-10T00:00:00Z') + msOfDay);
          const range = { from: addDays('2025-03-10', -(days - 1)), to: '2025-03-10' };
          const previous = previousRange(range);
          const elapsed = now.getTime() - dayMs(range.from);
          expect(previousEndMs(range, previous, now) - dayMs(previous.from)).toBe(elapsed);
        },
      ),
    );
  });
});
