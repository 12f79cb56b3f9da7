// The owner's home currency (a plain setting) and how far the stored ECB rates reach.
import type { Db } from '@keydesk/db';
import { readHomeCurrency, SETTING_HOME_CURRENCY, type SettingsReader } from '../analytics-settings.ts';
import { latestRateDay } from './ecb-rates.ts';

type SettingsWriter = SettingsReader & { set(key: string, value: string): void };

export function getMoneySettings(options: { db: Db; settings: SettingsReader }) {
  return { homeCurrency: readHomeCurrency(options.settings), ratesThrough: latestRateDay(options.db.sqlite) };
}

/** Sets (or with null, clears) the home currency; only codes the runtime knows as currencies. */
export function setHomeCurrency(options: { db: Db; settings: SettingsWriter; homeCurrency: string | null }) {
  const code = options.homeCurrency;
  if (code !== null) {
    // Throws a RangeError for a code that is not a currency at all.
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    if (!Intl.supportedValuesOf('currency').includes(code)) throw new RangeError(`Unknown currency: ${code}`);
  }
  options.settings.set(SETTING_HOME_CURRENCY, code ?? '');
  return getMoneySettings(options);
}
