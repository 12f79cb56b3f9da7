import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing.ts';
import { demoBaseRate, generateDemoRates } from './demo-rates.ts';

const NOW = new Date('2026-12-06T12:00:00Z'); // a Sunday

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.destroy());

type RateRow = { currency: string; day: string; perEuro: number };
const ratesOf = (currency: string) =>
  db.sqlite
    .prepare('SELECT currency, day, perEuro FROM ExchangeRate WHERE currency = ? ORDER BY day')
    .all(currency) as RateRow[];

it('implies per-euro rates from the demo prices, in whole units of each currency', () => {
  expect(demoBaseRate('USD')).toBeCloseTo(1 / 0.92, 6);
  // JPY prices carry no minor unit, so its rate is in yen, not hundredths of a yen.
  expect(demoBaseRate('JPY')).toBeGreaterThan(100);
  expect(() => demoBaseRate('CHF')).toThrow(RangeError);
});

it('keeps an ECB rate already fetched, and writes rates for working days only, near the demo prices', () => {
  db.sqlite
    .prepare('INSERT INTO ExchangeRate (currency, day, perEuro, fetchedAt) VALUES (?, ?, ?, ?)')
    .run('USD', '2026-12-04', 1.2345, NOW.getTime());
  const written = generateDemoRates({ sqlite: db.sqlite, seed: 7, now: NOW });
  expect(written).toBeGreaterThan(5 * 3 * 250);
  for (const currency of ['USD', 'GBP', 'SEK', 'PLN', 'JPY']) {
    const rows = ratesOf(currency);
    expect(rows.at(-1)?.day).toBe('2026-12-04'); // Friday: nothing on the weekend
    const first = rows[0]?.day ?? 'none';
    expect(first <= '2023-12-06', `${currency} starts ${first}`).toBe(true);
    for (const row of rows) {
      expect([0, 6]).not.toContain(new Date(`${row.day}T00:00:00Z`).getUTCDay());
      if (!(currency === 'USD' && row.day === '2026-12-04')) {
        expect(Math.abs(row.perEuro / demoBaseRate(currency) - 1)).toBeLessThan(0.1);
      }
    }
  }
  expect(ratesOf('USD').at(-1)?.perEuro).toBe(1.2345);
  expect(ratesOf('EUR')).toEqual([]);
});

it('adds nothing when run again with the same seed and day', () => {
  expect(generateDemoRates({ sqlite: db.sqlite, seed: 7, now: NOW })).toBe(0);
});
