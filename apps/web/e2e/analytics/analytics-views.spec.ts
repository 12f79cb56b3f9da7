import { generateDemo } from '@keydesk/db/demo';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../fixtures/browser.ts';
import { useE2eSession } from '../fixtures/e2e-session.ts';
import { chooseRange } from './choose-range.ts';

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ISO_DAY = /\d{4}-\d{2}-\d{2}/;

async function openTable(page: Page, testId: string) {
  const card = page.getByTestId(testId);
  await card.locator('canvas').first().waitFor({ timeout: 90_000 });
  await card.getByText('Show the figures as a table').click();
  return card;
}

describe('Analytics views', () => {
  const e2e = useE2eSession({
    seed(db) {
      generateDemo({ sqlite: db.sqlite, customers: 200, seed: 11 });
      // The demo writes rates for every currency it sells in; without USD's, those sales must be
      // named rather than converted at a guess.
      db.sqlite.prepare("DELETE FROM ExchangeRate WHERE currency = 'USD'").run();
    },
  });

  it('keeps range, granularity and section in the URL: reload keeps them, Back undoes them', async () => {
    const page = await e2e.signedInPage({ path: '/analytics' });
    await page.getByTestId('chart-revenue').locator('canvas').first().waitFor({ timeout: 90_000 });

    // Two quick clicks, the second before the first has rendered (a slow CPU makes sure of it):
    // both stick.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
    await chooseRange(page, '12 months', 'Month');
    await page.waitForURL(
      (url) => url.searchParams.get('range') === '12m' && url.searchParams.get('by') === 'month',
    );
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.getByRole('tab', { name: 'Website' }).click();
    await page.waitForURL(/section=website/);

    await page.reload();
    await page.getByTestId('chart-traffic').locator('canvas').first().waitFor({ timeout: 90_000 });
    await page.getByRole('tab', { name: 'Website', selected: true }).waitFor();
    await page
      .getByRole('radio', { name: '12 months', exact: true, checked: true })
      .waitFor({ state: 'attached' });
    await page
      .getByRole('radio', { name: 'Month', exact: true, checked: true })
      .waitFor({ state: 'attached' });

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('section='));
    await page.getByRole('tab', { name: 'Sales', selected: true }).waitFor();
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('by='));
    await page.getByRole('radio', { name: 'Day', exact: true, checked: true }).waitFor({ state: 'attached' });
    await page.context().close();
  }, 240_000);

  it('writes dates in the owner locale and marks the running period as partial', async () => {
    const page = await e2e.signedInPage({ path: '/analytics?range=7d', locale: 'de-DE', timezoneId: 'UTC' });
    const orders = await openTable(page, 'chart-orders');
    const rowHeads = await orders.locator('tbody th').allTextContents();
    expect(rowHeads).toHaveLength(7);
    for (const head of rowHeads) expect(head).not.toMatch(ISO_DAY);
    const today = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(),
    );
    expect(rowHeads.at(-1)).toBe(`${today} (partial: through ${today})`);
    await expect(orders.locator('[data-partial-periods]').getAttribute('data-partial-periods')).resolves.toBe(
      `partial: through ${today}`,
    );
    await page.context().close();
  }, 180_000);

  it('puts the range total above the chart, and names countries', async () => {
    const page = await e2e.signedInPage({
      path: '/analytics?range=90d&compare=0',
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    const headline = page.getByTestId('chart-orders').getByTestId('chart-headline');
    await headline.waitFor({ timeout: 90_000 });

    const now = Date.now();
    const db = await e2e.server.openDb();
    const { n } = db.sqlite
      .prepare(
        `SELECT COUNT(*) AS n FROM "Order" WHERE purchasedAt >= ? AND purchasedAt < ? AND isTest = 0
         AND status IN ('completed', 'partially_refunded')`,
      )
      .safeIntegers(false)
      .get(Date.parse(isoDay(now - 89 * DAY_MS)), Date.parse(isoDay(now + DAY_MS))) as { n: number };
    const topCountry = (
      db.sqlite
        .prepare(
          `SELECT country FROM WebDailyCountry WHERE day >= ? GROUP BY country ORDER BY SUM(pageViews) DESC LIMIT 1`,
        )
        .get(isoDay(now - 89 * DAY_MS)) as { country: string }
    ).country;
    await db.close();
    expect(n).toBeGreaterThan(0);
    await expect(headline.locator('p').first().textContent()).resolves.toBe(n.toLocaleString('en-US'));

    await page.getByRole('tab', { name: 'Website' }).click();
    const countries = page.getByTestId('chart-countries');
    await countries.getByRole('table').waitFor({ timeout: 90_000 });
    const name = new Intl.DisplayNames('en-US', { type: 'region' }).of(topCountry);
    await expect(countries.getByRole('rowheader').first().textContent()).resolves.toBe(name);
    await page.context().close();
  }, 180_000);

  it('shows revenue in the home currency, and says which sales have no rate instead of guessing', async () => {
    const page = await e2e.signedInPage({ path: '/analytics' });
    const settings = page.getByTestId('home-currency');
    await settings.getByText('Pick one to see revenue').waitFor({ timeout: 60_000 });
    await settings.getByLabel('Home currency').click();
    await page.getByRole('option', { name: 'EUR', exact: true }).click();
    await settings.getByText(/rates through/).waitFor({ timeout: 60_000 });
    const revenue = page.getByTestId('chart-revenue');
    await revenue.getByTestId('missing-rates').waitFor({ timeout: 60_000 });
    await expect(revenue.getByTestId('missing-rates').textContent()).resolves.toMatch(/No ECB rate for USD/);
    await expect(revenue.getByLabel('Currency of Revenue').inputValue()).resolves.toBe('EUR, all sales');
    // Per-currency figures stay one click away.
    await revenue.getByLabel('Currency of Revenue').click();
    await page.getByRole('option', { name: 'USD', exact: true }).click();
    await expect(revenue.getByTestId('missing-rates').count()).resolves.toBe(0);
    await expect(revenue.getByTestId('chart-headline').textContent()).resolves.toMatch(/\$/);
    // The Overview leads with one figure in the home currency and names what it left out.
    await page.goto(`${e2e.server.url}/`);
    const card = page.getByTestId('stat-revenue');
    await expect(card.getByTestId('revenue-home').textContent({ timeout: 60_000 })).resolves.toMatch(/€/);
    await card.getByText('Without USD: no exchange rate yet').waitFor();
    await page.context().close();
  }, 180_000);

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      it(`is accessible in every section: ${colorScheme}, ${viewport.width} px`, async () => {
        const page = await e2e.signedInPage({ colorScheme, viewport });
        for (const [section, testId] of [
          ['sales', 'chart-revenue'],
          ['website', 'chart-traffic'],
          ['updates', 'chart-update-checks'],
        ] as const) {
          await page.goto(`${e2e.server.url}/analytics?section=${section}`);
          await page.getByTestId(testId).locator('canvas').first().waitFor({ timeout: 90_000 });
          await expectAccessible(page, `Analytics ${section} (${colorScheme}, ${viewport.width} px)`);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, `${section} scrolls sideways`).toBeLessThanOrEqual(0);
        }
        await page.context().close();
      }, 240_000);
    }
  }
});
