import { readFileSync } from 'node:fs';
import { generateDemo } from '@keydesk/db/demo';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../fixtures/browser.ts';
import { useE2eSession } from '../fixtures/e2e-session.ts';
import { chooseRange } from './choose-range.ts';

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function downloadCsv(page: Page, title: string): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download ${title} as CSV` }).click(),
  ]);
  const text = readFileSync((await download.path()) as string, 'utf8');
  return text
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));
}

describe('Analytics', () => {
  const e2e = useE2eSession({
    seed(db) {
      generateDemo({ sqlite: db.sqlite, customers: 200, seed: 11 });
    },
  });

  it('changes range and granularity, compares, and exports a CSV whose numbers match the database', async () => {
    const page = await e2e.signedInPage({ path: '/analytics?section=website', acceptDownloads: true });
    const traffic = page.getByTestId('chart-traffic');
    await traffic.getByRole('img').waitFor({ timeout: 90_000 });

    // A slow machine (a 6x slower CPU here) must not change what the CSV holds.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await chooseRange(page, '12 months', 'Month');
    // Comparing is on by default.
    await expect(page.getByLabel('Compare with previous period').isChecked()).resolves.toBe(true);
    await page.waitForURL(/by=month/);
    // The URL changes before the page renders the new view (navigations render in a transition):
    // wait until the controls show it, then until the chart holds its figures.
    const month = page.getByRole('radiogroup', { name: 'Granularity' }).getByRole('radio', { name: 'Month' });
    await expect.poll(() => month.isChecked(), { timeout: 30_000 }).toBe(true);
    await page.locator('[data-testid="chart-traffic"][aria-busy="false"]').waitFor({ timeout: 60_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await traffic.getByText('Page views (previous)').first().waitFor({ state: 'attached', timeout: 60_000 });

    const csv = await downloadCsv(page, 'Page views and visitors');
    const [header, ...rows] = csv;
    expect(header).toEqual([
      'period',
      'Page views',
      'Visitors',
      'Page views previous period',
      'Visitors previous period',
    ]);
    // Month buckets: 12 or 13 of them (the range starts mid-month).
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const row of rows) expect(row[0]).toMatch(/^\d{4}-\d{2}-01$/);

    const now = Date.now();
    const from = day(now - 364 * DAY_MS);
    const to = day(now);
    const previousFrom = day(now - 729 * DAY_MS);
    const previousTo = day(now - 365 * DAY_MS);
    const db = await e2e.server.openDb();
    const sum = (column: string, a: string, b: string) =>
      (
        db.sqlite
          .prepare(`SELECT COALESCE(SUM(${column}), 0) AS n FROM WebDailyCountry WHERE day >= ? AND day <= ?`)
          .safeIntegers(false)
          .get(a, b) as { n: number }
      ).n;
    const expected = {
      pageViews: sum('pageViews', from, to),
      visitors: sum('visitors', from, to),
      previous: sum('pageViews', previousFrom, previousTo),
    };
    await db.close();
    const column = (i: number) => rows.reduce((total, row) => total + Number(row[i]), 0);
    expect(expected.pageViews).toBeGreaterThan(0);
    expect(column(1)).toBe(expected.pageViews);
    expect(column(2)).toBe(expected.visitors);
    expect(column(3)).toBe(expected.previous);

    // The table fallback holds the same figures.
    await traffic.getByText('Show the figures as a table').click();
    await expect(traffic.getByRole('row').count()).resolves.toBe(rows.length + 1);

    await expectAccessible(page, 'Analytics');
    await page.context().close();
  }, 240_000);

  it('shows trend sparklines on the Overview', async () => {
    const page = await e2e.signedInPage();
    await page.getByTestId('sparkline-web.traffic').getByRole('img').waitFor({ timeout: 90_000 });
    await expectAccessible(page, 'Overview with sparklines');
    await page.context().close();
  }, 180_000);
});
