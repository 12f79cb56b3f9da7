import { generateDemo } from '@keydesk/db/demo';
import { describe, expect, it } from 'vitest';
import { expectAccessible, newPage } from '../fixtures/browser.ts';
import { useE2eSession } from '../fixtures/e2e-session.ts';
import { COLOR_SCHEMES, VIEWPORTS } from '../fixtures/viewports.ts';

describe('Overview', () => {
  const e2e = useE2eSession({
    seed(db) {
      generateDemo({ sqlite: db.sqlite, customers: 300, seed: 7 });
    },
  });

  it('shows the figures the database holds', async () => {
    const page = await e2e.signedInPage();
    await page.getByTestId('stat-customers-value').waitFor();

    const db = await e2e.server.openDb();
    const customers = await db.prisma.customer.count();
    const since = new Date(Date.now() - 30 * 86_400_000);
    const openChats = await db.prisma.chatTranscript.count({ where: { isAwaitingReply: true } });
    const openThreads = await db.prisma.emailThread.count({ where: { isAwaitingReply: true } });
    const licenses = await db.prisma.license.count({ where: { issuedAt: { gte: since } } });
    await db.close();

    const digits = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));
    expect(digits(await page.getByTestId('stat-customers-value').textContent())).toBe(customers);
    expect(digits(await page.getByTestId('stat-licenses-value').textContent())).toBe(licenses);
    expect(digits(await page.getByTestId('stat-open-value').textContent())).toBe(openChats + openThreads);
    await expect(page.getByRole('heading', { name: 'Latest orders' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'Overview');
    await page.context().close();
  });

  it('fetches the first screen figures once, preloaded from the page itself', async () => {
    const page = await e2e.signedInPage();
    await page.getByTestId('stat-customers-value').waitFor();
    const firstScreenRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/trpc/auth.status,overview.get?')) firstScreenRequests.push(request.url());
    });
    await page.goto(`${e2e.server.url}/`);
    await page.getByTestId('stat-customers-value').waitFor();
    expect(await page.locator('link[rel="preload"][as="fetch"]').count()).toBe(1);
    // One request: the app's own fetch took the preloaded response instead of asking again.
    expect(firstScreenRequests).toHaveLength(1);
    await page.context().close();
  });

  it('sends a visitor without a session to sign in', async () => {
    const page = await newPage(e2e.browser);
    await page.goto(`${e2e.server.url}/customers`);
    await page.waitForURL(/\/login\?next=%2Fcustomers/);
    await expectAccessible(page, 'Sign-in page');
    await page.context().close();
  });

  it('draws the four sparklines without downloading chart.js, today marked as partial', async () => {
    const page = await e2e.signedInPage();
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

  for (const colorScheme of COLOR_SCHEMES) {
    for (const [width, viewport] of VIEWPORTS) {
      it(`is accessible with its sparklines: ${colorScheme}, ${width}`, async () => {
        const page = await e2e.signedInPage({ colorScheme, viewport });
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
