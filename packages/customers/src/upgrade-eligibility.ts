// The upgrade rule, in one place: the customer page shows its verdict per license and Settings
// shows its text, so what the owner reads is what the page computes.
export type UpgradeRule = {
  /** The major version on sale now. */
  currentMajorVersion: number;
  /** An older license bought this many months before today or later upgrades free. */
  freeUpgradeMonths: number;
};

export const DEFAULT_UPGRADE_RULE: UpgradeRule = { currentMajorVersion: 5, freeUpgradeMonths: 12 };

export type UpgradeStatus = 'current' | 'free' | 'paid' | 'none';
export type UpgradeEligibility = { status: UpgradeStatus; reason: string };

export const UPGRADE_SETTING_KEYS = {
  currentMajorVersion: 'upgrade.currentMajorVersion',
  freeUpgradeMonths: 'upgrade.freeUpgradeMonths',
} as const;

/** The rule from Settings when set there (by the Settings page), otherwise the default. */
export function readUpgradeRule(settings: { get(key: string): string | null }): UpgradeRule {
  const number = (key: string, fallback: number) => {
    const value = Number(settings.get(key));
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    currentMajorVersion: number(
      UPGRADE_SETTING_KEYS.currentMajorVersion,
      DEFAULT_UPGRADE_RULE.currentMajorVersion,
    ),
    freeUpgradeMonths: number(UPGRADE_SETTING_KEYS.freeUpgradeMonths, DEFAULT_UPGRADE_RULE.freeUpgradeMonths),
  };
}

export function describeUpgradeRule(rule: UpgradeRule): string[] {
  return [
    `A license for version ${rule.currentMajorVersion} (or later) is current: nothing to upgrade.`,
    `A license for an older version bought within the last ${rule.freeUpgradeMonths} months upgrades to version ${rule.currentMajorVersion} free of charge.`,
    `A license for an older version bought earlier can buy the paid upgrade.`,
    'A revoked license (refunded or charged back) cannot be upgraded.',
  ];
}

/** Subtracts whole calendar months in UTC, clamping the day (31 March minus 1 month = 28/29 February). */
function monthsBefore(now: Date, months: number): Date {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay), now.getUTCHours(), now.getUTCMinutes()),
  );
}

export function getUpgradeEligibility(
  license: { majorVersion: number; issuedAt: Date; status: string },
  rule: UpgradeRule,
  now: Date,
): UpgradeEligibility {
  if (license.status === 'revoked') return { status: 'none', reason: 'Revoked licenses cannot be upgraded.' };
  if (license.majorVersion >= rule.currentMajorVersion) {
    return { status: 'current', reason: `Already on version ${license.majorVersion}.` };
  }
  const since = monthsBefore(now, rule.freeUpgradeMonths);
  if (license.issuedAt.getTime() >= since.getTime()) {
    return {
      status: 'free',
      reason: `Bought within the last ${rule.freeUpgradeMonths} months: free upgrade to version ${rule.currentMajorVersion}.`,
    };
  }
  return {
    status: 'paid',
    reason: `Version ${license.majorVersion}, bought over ${rule.freeUpgradeMonths} months ago: paid upgrade to version ${rule.currentMajorVersion}.`,
  };
}
