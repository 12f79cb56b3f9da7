// Settings keys of the analytics domain, read through the settings store (plain values, JSON).

export const SETTING_DOWNLOAD_PATHS = 'analytics.downloadPaths';
export const SETTING_OWN_DOMAINS = 'analytics.ownDomains';
export const SETTING_LATEST_VERSIONS = 'analytics.latestVersions';
export const SETTING_UPDATE_CHECK_RETENTION_DAYS = 'retention.updateCheckDays';

export const DEFAULT_DOWNLOAD_PATHS = ['/download/'];
export const DEFAULT_UPDATE_CHECK_RETENTION_DAYS = 14;

export type SettingsReader = { get(key: string): string | null };

function jsonSetting<T>(
  settings: SettingsReader,
  key: string,
  valid: (value: unknown) => value is T,
  fallback: T,
): T {
  const raw = settings.get(key);
  if (raw === null) return fallback;
  try {
    const parsed: unknown = JSON.parse(raw);
    return valid(parsed) ? parsed : fallback;
  } catch {
    return fallback;
  }
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((item) => typeof item === 'string');

export function readAccessLogSettings(settings: SettingsReader) {
  return {
    downloadPaths: jsonSetting(settings, SETTING_DOWNLOAD_PATHS, isStringArray, DEFAULT_DOWNLOAD_PATHS),
    ownDomains: jsonSetting(settings, SETTING_OWN_DOMAINS, isStringArray, []),
  };
}

/**
 * Product → latest version, stored as {"tessera":"5.2.0"}. A Map, because the product it is looked
 * up by comes from the public collector: "constructor" must find nothing, not Object's constructor.
 */
export function readLatestVersions(settings: SettingsReader): ReadonlyMap<string, string> {
  return new Map(Object.entries(jsonSetting(settings, SETTING_LATEST_VERSIONS, isStringRecord, {})));
}

export function readUpdateCheckRetentionDays(settings: SettingsReader): number {
  const days = Number(settings.get(SETTING_UPDATE_CHECK_RETENTION_DAYS));
  return Number.isInteger(days) && days >= 1 && days <= 365 ? days : DEFAULT_UPDATE_CHECK_RETENTION_DAYS;
}

/** The currency the owner thinks in (ISO 4217, e.g. "EUR"); revenue is converted into it. */
export const SETTING_HOME_CURRENCY = 'money.homeCurrency';

/** The home currency, or null when none is set (money then stays per currency). */
export function readHomeCurrency(settings: SettingsReader): string | null {
  const value = settings.get(SETTING_HOME_CURRENCY);
  return value && /^[A-Z]{3}$/.test(value) ? value : null;
}
