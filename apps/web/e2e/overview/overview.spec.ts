import { generateDemo } from '@keydesk/db/demo';
import { describe, expect, it } from 'vitest';
import { expectAccessible, newPage, signIn } from '../fixtures/browser.ts';
import { useE2eSession } from '../fixtures/e2e-session.ts';

describe('Overview', () => {
  const e2e = useE2eSession({
    seed(db) {
      generateDemo({ sqlite: db.sqlite, customers: 300, seed: 7 });
    },
  });

  it('shows the figures the database holds', async () => {
    const page = await newPage(e2e.browser);
    await signIn(page, e2e.server.url);
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
    const page = await newPage(e2e.browser);
    await signIn(page, e2e.server.url);
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
});
