// Revenue in the home currency: real ECB rates (packages/analytics/test-corpus/ecb), real SQLite,
// procedures through createCaller, the daily job with only its fetch replaced.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEcbCsv, storeRates } from '@keydesk/analytics';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeRateJob } from '../src/jobs/exchange-rate-job.ts';
import { createOwnerCaller } from './owner-caller.ts';
import { useTestDb } from './test-db.ts';
import { createServicesForTest } from './test-services.ts';

const CSV = readFileSync(
  path.join(import.meta.dirname, '../../../packages/analytics/test-corpus/ecb/eurofxref-hist-2024.csv'),
  'utf8',
);

/** The corpus read naively, independently of parseEcbCsv: day → currency → rate. */
function corpusRates(): Map<string, Map<string, number>> {
  const [header = '', ...lines] = CSV.trim().split('\n');
  const columns = header.split(',');
  const out = new Map<string, Map<string, number>>();
  for (const line of lines) {
    const cells = line.split(',');
    const day = new Map<string, number>();
    columns.forEach((currency, i) => {
      if (i > 0 && currency && cells[i] && cells[i] !== 'N/A') day.set(currency, Number(cells[i]));
    });
    out.set(cells[0] ?? '', day);
  }
  return out;
}

let db: TestDb;
let nextOrder = 1;
function addOrder(day: string, currency: string, amountMinor: number) {
  const at = Date.parse(`${day}T12:00:00Z`);
  db.sqlite
    .prepare(
      `INSERT INTO "Order" (reseller, resellerOrderId, product, edition, amountMinor, currency, status, purchasedAt, createdAt, updatedAt)
       VALUES ('manual', ?, 'Tessera', 'Pro', ?, ?, 'completed', ?, ?, ?)`,
    )
    .run(`m-${nextOrder++}`, amountMinor, currency, at, at, at);
}

describe('revenue in the home currency', () => {
  useTestDb('all', (opened) => {
    db = opened;
    const parsed = parseEcbCsv(CSV);
    expect(parsed.rejected).toEqual([]);
    storeRates(db.sqlite, parsed.rates, new Date());
  });

  it('reads every quoted cell of the ECB file and skips N/A', () => {
    const expected = [...corpusRates().values()].reduce((n, day) => n + day.size, 0);
    expect(parseEcbCsv(CSV).rates).toHaveLength(expected);
  });

  it('converts each order at the rate of its own day, and says which days had no rate', async () => {
    const caller = createOwnerCaller(db);
    await caller.analytics.setHomeCurrency({ homeCurrency: 'EUR' });
    // Wednesday 2025-03-05 and the weekend after (Saturday uses Friday's rate), and a day the
    // local rates do not reach (the copy ends 2026-04-13).
    addOrder('2025-03-05', 'USD', 10_000);
    addOrder('2025-03-05', 'JPY', 1_500);
    addOrder('2025-03-08', 'USD', 5_000);
    addOrder('2025-03-06', 'EUR', 700);
    const rates = corpusRates();
    const usd05 = rates.get('2025-03-05')?.get('USD') as number;
    const jpy05 = rates.get('2025-03-05')?.get('JPY') as number;
    const usd07 = rates.get('2025-03-07')?.get('USD') as number;
    const result = await caller.analytics.timeSeries({
      metric: 'sales',
      range: { range: 'custom', from: '2025-03-03', to: '2025-03-09' },
      granularity: 'week',
      compare: false,
    });
    const home = result.rows.filter((r) => r.series === 'revenueHomeMinor');
    expect(home).toEqual([
      {
        bucket: '2025-03-03',
        series: 'revenueHomeMinor',
        currency: 'EUR',
        value:
          Math.round((100 / usd05) * 100) +
          Math.round((1500 / jpy05) * 100) +
          Math.round((50 / usd07) * 100) +
          700,
      },
    ]);
    expect(result.home).toEqual({ currency: 'EUR', missing: [] });

    addOrder('2026-11-02', 'USD', 4_200);
    const late = await caller.analytics.timeSeries({
      metric: 'sales',
      range: { range: 'custom', from: '2026-11-01', to: '2026-11-03' },
      granularity: 'day',
      compare: false,
    });
    expect(late.rows.filter((r) => r.series === 'revenueHomeMinor')).toEqual([]);
    expect(late.home?.missing).toEqual([
      { currency: 'USD', days: 1, firstDay: '2026-11-02', lastDay: '2026-11-02' },
    ]);
  });

  it('converts between two foreign currencies through the euro, both at the same day', async () => {
    await createOwnerCaller(db).analytics.setHomeCurrency({ homeCurrency: 'USD' });
    const rates = corpusRates();
    const days = [...rates.keys()].filter((d) => d >= '2024-02-01' && d <= '2025-12-31');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...days),
        fc.integer({ min: 1, max: 10_000_000 }),
        async (day, yen) => {
          const fresh = await createTestDb();
          try {
            storeRates(
              fresh.sqlite,
              parseEcbCsv(CSV).rates.filter((r) => r.day === day),
              new Date(),
            );
            const at = Date.parse(`${day}T08:00:00Z`);
            fresh.sqlite
              .prepare(
                `INSERT INTO "Order" (reseller, resellerOrderId, product, edition, amountMinor, currency, status, purchasedAt, createdAt, updatedAt)
               VALUES ('manual', 'p', 'Tessera', 'Pro', ?, 'JPY', 'completed', ?, ?, ?)`,
              )
              .run(yen, at, at, at);
            const freshCaller = createOwnerCaller(fresh);
            await freshCaller.analytics.setHomeCurrency({ homeCurrency: 'USD' });
            const result = await freshCaller.analytics.timeSeries({
              metric: 'sales',
              range: { range: 'custom', from: day, to: day },
              granularity: 'day',
              compare: false,
            });
            const expected = Math.round(
              (yen / (rates.get(day)?.get('JPY') as number)) * (rates.get(day)?.get('USD') as number) * 100,
            );
            expect(result.rows.find((r) => r.series === 'revenueHomeMinor')?.value).toBe(expected);
          } finally {
            await fresh.destroy();
          }
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);

  it('gives the Overview one revenue figure, naming the currencies it could not convert', async () => {
    const fresh = await createTestDb();
    try {
      const caller = createOwnerCaller(fresh);
      expect((await caller.overview.get()).revenueHome).toBeNull();
      await caller.analytics.setHomeCurrency({ homeCurrency: 'EUR' });
      const at = Date.now() - 86_400_000;
      const insert = fresh.sqlite.prepare(
        `INSERT INTO "Order" (reseller, resellerOrderId, product, edition, amountMinor, currency, status, purchasedAt, createdAt, updatedAt)
         VALUES ('manual', ?, 'Tessera', 'Pro', ?, ?, 'completed', ?, ?, ?)`,
      );
      insert.run('o-1', 4_900, 'EUR', at, at, at);
      insert.run('o-2', 5_900, 'USD', at, at, at);
      // The local rates end in April 2026: today's dollars cannot be converted, and the Overview says so.
      expect((await caller.overview.get()).revenueHome).toEqual({
        currency: 'EUR',
        currentMinor: 4_900,
        previousMinor: 0,
        missingCurrencies: ['USD'],
      });
    } finally {
      await fresh.destroy();
    }
  });

  it('refuses a home currency that is not one', async () => {
    await expect(createOwnerCaller(db).analytics.setHomeCurrency({ homeCurrency: 'XYZ' })).rejects.toThrow();
    expect((await createOwnerCaller(db).analytics.moneySettings()).homeCurrency).toBe('USD');
  });

  it('the daily job keeps the rates the ECB sends and refuses a page that is not a rates file', async () => {
    const fresh = await createTestDb();
    try {
      const day = '2026-04-13';
      const quoted = [...(corpusRates().get(day) ?? [])];
      const xml = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
<gesmes:subject>Reference rates</gesmes:subject>
<Cube><Cube time="${day}">${quoted.map(([c, r]) => `<Cube currency="${c}" rate="${r}"/>`).join('')}</Cube></Cube>
</gesmes:Envelope>`;
      const urls: string[] = [];
      const job = exchangeRateJob(async (url) => {
        urls.push(url);
        return xml;
      });
      const summary = await job.run(createServicesForTest(fresh), new Date());
      expect(summary).toBe(`kept ${quoted.length} new rates over 1 days`);
      expect(urls).toEqual(['https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml']);
      expect((await createOwnerCaller(fresh).analytics.moneySettings()).ratesThrough).toBe(day);
      // The same file again changes nothing.
      await expect(job.run(createServicesForTest(fresh), new Date())).resolves.toBe(
        'kept 0 new rates over 1 days',
      );
      await expect(
        exchangeRateJob(async () => '<html>Service unavailable</html>').run(
          createServicesForTest(fresh),
          new Date(),
        ),
      ).rejects.toThrow(/no rates/);
    } finally {
      await fresh.destroy();
    }
  });
});
