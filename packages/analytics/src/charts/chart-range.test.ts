import { describe, expect, it } from 'vitest';
import { previousRange, resolveRange } from './chart-range.ts';

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
