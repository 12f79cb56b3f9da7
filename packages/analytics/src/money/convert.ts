// Converts money into the owner's home currency at the ECB rate of each order's day. The ECB
// publishes no rate on weekends and TARGET holidays, so a day uses the latest rate at most
// MAX_RATE_AGE_DAYS old; older or absent rates are reported as missing, never guessed.
import type Database from 'better-sqlite3';
import { ratesOfCurrency } from '../sql/money.ts';

export const MAX_RATE_AGE_DAYS = 7;
const DAY_MS = 86_400_000;

const digitsCache = new Map<string, number>();

/** Decimal places of a currency's minor unit: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** Rates per currency, oldest first: [day, perEuro]. */
export type RateTable = Map<string, [day: string, perEuro: number][]>;

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export function loadRates(
  sqlite: Database.Database,
  currencies: string[],
  from: string,
  to: string,
): RateTable {
  const table: RateTable = new Map();
  for (const currency of new Set(currencies)) {
    if (currency === 'EUR') continue;
    const rows = ratesOfCurrency.all(sqlite, { currency, from: addDays(from, -MAX_RATE_AGE_DAYS), to });
    table.set(
      currency,
      rows.map((row) => [row.day, row.perEuro]),
    );
  }
  return table;
}

/** Units of `currency` per euro on `day`, or null when no rate at most a week old is known. */
export function rateOn(rates: RateTable, currency: string, day: string): number | null {
  if (currency === 'EUR') return 1;
  const list = rates.get(currency);
  if (!list || list.length === 0) return null;
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.[0] ?? '') <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const hit = list[found];
  if (!hit || hit[0] < addDays(day, -MAX_RATE_AGE_DAYS)) return null;
  return hit[1];
}

/** `amountMinor` of `from` in minor units of `to`, at the rates of `day`; null without a rate. */
export function convertMinor(
  amountMinor: number,
  from: string,
  to: string,
  day: string,
  rates: RateTable,
): number | null {
  if (from === to) return amountMinor;
  const fromRate = rateOn(rates, from, day);
  const toRate = rateOn(rates, to, day);
  if (fromRate === null || toRate === null) return null;
  const euros = amountMinor / 10 ** minorDigits(from) / fromRate;
  return Math.round(euros * toRate * 10 ** minorDigits(to));
}
