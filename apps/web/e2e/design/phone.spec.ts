import { generateDemo } from '@keydesk/db/demo';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../fixtures/e2e-session.ts';
import { expectAccessibleEverywhere, openAs, PHONE_390 } from '../fixtures/viewports.ts';

/** Whether an element lies wholly inside the viewport's width (not cut, not off to the right). */
async function isWithinWidth(page: Page, selector: ReturnType<Page['getByRole']>): Promise<boolean> {
  const box = await selector.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return box !== null && box.x >= 0 && box.x + box.width <= width;
}

// The owner on a phone: 390 px, every control reachable without sideways scrolling.
describe('The phone: every page laid out for 390 px', () => {
  let customerId = 0;

  const e2e = useE2eSession({
    seed(db) {
      generateDemo({ sqlite: db.sqlite, customers: 150, seed: 4 });
      customerId = Number(
        db.sqlite
          .prepare('SELECT customerId FROM License WHERE customerId IS NOT NULL ORDER BY id LIMIT 1')
          .pluck()
          .get(),
      );
    },
    hasStorageState: true,
  });

  const phone = () => openAs(e2e.browser, e2e.storageState, { viewport: PHONE_390, colorScheme: 'light' });

  it('keeps the header whole: the search button and the theme toggle on screen', async () => {
    const page = await phone();
    await page.goto(`${e2e.server.url}/customers`);
    const search = page.getByRole('button', { name: /^Search/ });
    await search.waitFor();
    expect(await isWithinWidth(page, search)).toBe(true);
    expect(await search.textContent()).toContain('Search');
    expect(
      await isWithinWidth(page, page.getByRole('button', { name: /Switch to (dark|light) theme/ })),
    ).toBe(true);
    await page.context().close();
  });

  it("stacks a customer's tables so the Resend button is on screen", async () => {
    const page = await phone();
    await page.goto(`${e2e.server.url}/customers/${customerId}`);
    const resend = page.getByRole('button', { name: /^Resend key of/ }).first();
    await resend.waitFor();
    expect(await isWithinWidth(page, resend)).toBe(true);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // Each value says which column it is.
    const seats = page.locator('[data-testid="customer-license-row"] td[data-label="Seats"]').first();
    expect(await seats.isVisible()).toBe(true);
    await page.context().close();
  });

  it('folds the conversation filters behind a Filters button', async () => {
    const page = await phone();
    await page.goto(`${e2e.server.url}/conversations`);
    await page.getByLabel('Search messages').waitFor();
    expect(await page.getByRole('textbox', { name: 'Customer' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('textbox', { name: 'Customer' }).waitFor({ state: 'visible' });
    await page.getByLabel('Has attachments').check();
    await page.getByRole('button', { name: 'Filters (1)' }).waitFor();
    await page.context().close();
  });

  // Several axe runs on a shared 2-core machine: far more than the default 90 s.
  it('is accessible, without sideways scrolling, on the pages the owner works in', {
    timeout: 600_000,
  }, async () => {
    const pages: [string, string, (page: Page) => Promise<void>][] = [
      [
        'Customer page',
        `/customers/${customerId}`,
        (p) => p.getByTestId('customer-license-row').first().waitFor(),
      ],
      ['Conversations', '/conversations', (p) => p.getByLabel('Search messages').waitFor()],
      ['Settings, mail', '/settings?tab=mail', (p) => p.getByRole('heading', { name: 'Settings' }).waitFor()],
      [
        'Settings, audit',
        '/settings?tab=audit',
        (p) => p.getByRole('heading', { name: 'Settings' }).waitFor(),
      ],
      ['Settings, jobs', '/settings?tab=jobs', (p) => p.getByRole('heading', { name: 'Settings' }).waitFor()],
    ];
    for (const [label, path, ready] of pages) {
      await expectAccessibleEverywhere(e2e.browser, e2e.storageState, label, async (page) => {
        await page.goto(`${e2e.server.url}${path}`);
        await ready(page);
      });
    }
  });
});
