import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_THROTTLE_POLICY } from './login-throttle.ts';

describe('backoffDelayMs', () => {
  const schedule = DEFAULT_THROTTLE_POLICY.account;
  it.each([
    [0, 0],
    [4, 0],
    [5, 1_000],
    [6, 2_000],
    [10, 32_000],
    [14, 512_000],
    [15, 15 * 60_000],
    [10_000, 15 * 60_000],
  ])('after %i failures waits %i ms', (failures, delay) => {
    expect(backoffDelayMs(failures, schedule)).toBe(delay);
  });
});
