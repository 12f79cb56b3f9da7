import { describe, expect, it } from 'vitest';
import { DEFAULT_UPGRADE_RULE, getUpgradeEligibility, readUpgradeRule } from './upgrade-eligibility.ts';

const now = new Date('2026-03-31T12:00:00Z');
const rule = DEFAULT_UPGRADE_RULE;
const check = (majorVersion: number, issuedAt: string, status = 'active') =>
  getUpgradeEligibility({ majorVersion, issuedAt: new Date(issuedAt), status }, rule, now).status;

describe('getUpgradeEligibility', () => {
  it.each([
    ['current major', 5, '2020-01-01T00:00:00Z', 'active', 'current'],
    ['newer than current', 6, '2026-01-01T00:00:00Z', 'active', 'current'],
    ['older, bought 3 months ago', 4, '2025-12-31T00:00:00Z', 'active', 'free'],
    ['older, bought exactly 12 months ago', 4, '2025-03-31T12:00:00Z', 'active', 'free'],
    ['older, bought a day before the window', 4, '2025-03-30T12:00:00Z', 'active', 'paid'],
    ['revoked', 4, '2026-03-01T00:00:00Z', 'revoked', 'none'],
  ])('%s', (_label, major, issued, status, expected) => {
    expect(check(major, issued, status)).toBe(expected);
  });

  it('reads the rule from settings, ignoring nonsense', () => {
    const values: Record<string, string> = {
      'upgrade.currentMajorVersion': '6',
      'upgrade.freeUpgradeMonths': 'x',
    };
    expect(readUpgradeRule({ get: (key) => values[key] ?? null })).toEqual({
      currentMajorVersion: 6,
      freeUpgradeMonths: 12,
    });
  });
});
