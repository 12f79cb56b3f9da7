import { describe, expect, it } from 'vitest';
import { DEFAULT_LEASE_MS, DEFAULT_RETRY, retryDelayMs } from './outbox-sender.ts';

describe('retry back-off', () => {
  it('doubles from 30 s and stops growing at an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(DEFAULT_RETRY.maxDelayMs);
  });

  it('leases a row for longer than one attempt can take (10 s connect + 10 s greeting + 30 s idle socket)', () => {
    expect(DEFAULT_LEASE_MS).toBeGreaterThan(10_000 + 10_000 + 30_000);
  });
});
