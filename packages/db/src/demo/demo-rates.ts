// Exchange rates for the demo. The ECB publishes euro reference rates on working days only; the
// demo writes rates of that shape over its whole sales range, so revenue in a home currency can be
// tried without the network. They follow the demo's own price factors with a slow seeded drift:
// demo figures, not history. A rate already fetched from the ECB is never overwritten.
import type Database from 'better-sqlite3';
import { insertDemoRate } from '../sql/demo.ts';
import { CURRENCY_FACTOR } from './demo-data.ts';
import { createRng } from './rng.ts';

const DAY_MS = 86_400_000;
/** Demo customers are first seen up to three years back; a little more covers their first orders. */
const RANGE_DAYS = 3 * 365 + 14;
/** Largest day-to-day move, as a fraction of the rate (a calm currency pair moves well under 1%). */
const DAILY_DRIFT = 0.004;

/** Units of `currency` per euro implied by the demo's prices, in whole units (yen, not cents). */
export function demoBaseRate(currency: string): number {
  const factor = CURRENCY_FACTOR[currency];
  const euro = CURRENCY_FACTOR.EUR;
  if (factor === undefined || euro === undefined)
    throw new RangeError(`No demo price factor for ${currency}`);
  // Prices are USD cents times the factor, in the currency's minor unit: JPY has none.
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  return (factor / euro) * 10 ** (2 - (digits ?? 2));
}

export function generateDemoRates(options: { sqlite: Database.Database; seed: number; now: Date }): number {
  const currencies = Object.keys(CURRENCY_FACTOR).filter((currency) => currency !== 'EUR');
  const today = Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate());
  const fetchedAt = options.now.getTime();
  let written = 0;
  options.sqlite.transaction(() => {
    for (const currency of currencies) {
      const rng = createRng(options.seed ^ currency.charCodeAt(0) ^ (currency.charCodeAt(1) << 8));
      const base = demoBaseRate(currency);
      let level = 1;
      for (let back = RANGE_DAYS; back >= 0; back--) {
        const at = today - back * DAY_MS;
        const weekday = new Date(at).getUTCDay();
        if (weekday === 0 || weekday === 6) continue;
        // A walk pulled gently back to the base, so three years stay within a few percent of it.
        level += (rng.next() * 2 - 1) * DAILY_DRIFT - (level - 1) * 0.01;
        const perEuro = Number((base * level).toPrecision(6));
        const day = new Date(at).toISOString().slice(0, 10);
        written += insertDemoRate.run(options.sqlite, { currency, day, perEuro, fetchedAt }).changes;
      }
    }
  })();
  return written;
}
