import { generateDemo } from '@keydesk/db/demo';
import { describe, expect, it } from 'vitest';
import { expectAccessible, newPage, signIn } from '../fixtures/browser.ts';
import { useE2eSession } from '../fixtures/e2e-session.ts';

const VIEWPORTS = [
  ['1440 px', { width: 1440, height: 900 }],
  ['390 px', { width: 390, height: 844 }],
] as const;

describe('Overview trends', () => {
  const e2e = useE2eSession({
    seed(db) {
      generateDemo({ sqlite: db.sqlite, customers: 200, seed: 5 });
    },
  });

  it('draws the four sparklines without downloading chart.js, today marked as partial', async () => {
    const page = await newPage(e2e.browser);
    await signIn(page, e2e.server.url);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${e2e.server.url}/`);
    for (const metric of ['web.traffic', 'downloads', 'updateChecks', 'sales']) {
      const card = page.getByTestId(`sparkline-${metric}`);
      await card.locator('svg[role="img"]').waitFor({ timeout: 60_000 });
      // Today is still running: its segment is drawn apart, and the label says so.
      await expect(card.locator('[data-partial="true"]').count()).resolves.toBe(1);
      await expect(card.locator('svg').getAttribute('aria-label')).resolves.toMatch(
        /today dashed as partial/,
      );
    }
    await page.waitForLoadState('networkidle');
    expect(scripts.length).toBeGreaterThan(0);
    // chart.js's vendor chunk and the Chart wrapper's chunk (Vite names them chartjs-<hash>, chart-<hash>).
    expect(scripts.filter((path) => /\/assets\/chart(js)?-[\w-]{8}\.js$/.test(path))).toEqual([]);
    await page.context().close();
  }, 120_000);

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [width, viewport] of VIEWPORTS) {
      it(`is accessible with its sparklines: ${colorScheme}, ${width}`, async () => {
        const page = await newPage(e2e.browser, { colorScheme, viewport });
        await signIn(page, e2e.server.url);
        await page.getByTestId('sparkline-sales').locator('svg').waitFor({ timeout: 60_000 });
        await expectAccessible(page, `Overview (${colorScheme}, ${width})`);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await page.context().close();
      }, 120_000);
    }
  }
});
