import { generateDemo } from '@keydesk/db/demo';
import { generateLicenseKey, normalizeLicenseKey } from '@keydesk/license-key';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, signIn } from '../fixtures/browser.ts';
import { type RunningServer, startServer } from '../fixtures/server.ts';

const KEY = generateLicenseKey(() => new Uint8Array(23).map((_, i) => (i * 7 + 3) % 256));

describe('Customers: search, customer page, license lookup, palette', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let customerId = 0;

  beforeAll(async () => {
    server = await startServer();
    const db = await server.openDb();
    generateDemo({ sqlite: db.sqlite, customers: 300, seed: 21 });
    const now = Date.now();
    db.sqlite.transaction(() => {
      customerId = Number(
        db.sqlite
          .prepare(
            `INSERT INTO Customer (name, company, country, city, postalCode, firstSeenAt, lastSeenAt, createdAt, updatedAt)
             VALUES ('Søren Kierkegård', 'Angst Labs', 'DK', 'København', '1050', ?, ?, ?, ?)`,
          )
          .run(now, now, now, now).lastInsertRowid,
      );
      db.sqlite
        .prepare('INSERT INTO CustomerEmail (customerId, email, isPrimary, createdAt) VALUES (?, ?, 1, ?)')
        .run(customerId, 'soren.k@philosophy.example', now);
      const orderId = db.sqlite
        .prepare(
          `INSERT INTO "Order" (reseller, resellerOrderId, customerId, product, edition, amountMinor, currency, status, purchasedAt, createdAt, updatedAt)
           VALUES ('paypro', 'PP-E2E-1813', ?, 'Tessera', 'Pro', 5900, 'EUR', 'completed', ?, ?, ?)`,
        )
        .run(customerId, now, now, now).lastInsertRowid;
      db.sqlite
        .prepare(
          `INSERT INTO License (key, keyNormalized, product, edition, majorVersion, status, issuedAt, orderId, customerId, createdAt, updatedAt)
           VALUES (?, ?, 'Tessera', 'Pro', 5, 'active', ?, ?, ?, ?, ?)`,
        )
        .run(KEY, normalizeLicenseKey(KEY), now, orderId, customerId, now, now);
    })();
    await db.close();
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function searchFor(query: string): Promise<string[]> {
    const input = page.getByTestId('customer-search-input');
    await input.fill(query);
    const first = page.getByTestId('customer-search-result').first();
    await page.waitForFunction((q) => new URL(window.location.href).searchParams.get('q') === q, query);
    await first.waitFor();
    // Wait until the results for this query (not the previous one) are on screen.
    await page.waitForFunction(() => !document.querySelector('[aria-label="Searching"]'));
    return page.getByTestId('customer-search-result').allTextContents();
  }

  it('finds the customer by an email fragment, a misspelled name and a key without dashes', async () => {
    await page.goto(`${server.url}/customers`);
    await page.getByTestId('customer-search-input').waitFor();
    await expectAccessible(page, 'Customers page (empty)');

    expect((await searchFor('philosophy.exa'))[0]).toContain('Søren Kierkegård');
    const typo = await searchFor('Soren Kirkegard');
    expect(typo.some((text) => text.includes('Søren Kierkegård'))).toBe(true);
    const byKey = await searchFor(normalizeLicenseKey(KEY).toLowerCase());
    expect(byKey[0]).toContain('Søren Kierkegård');
    expect(byKey[0]).toContain('License key exact');
    await expectAccessible(page, 'Customers page with results');

    // "/" focuses the box; arrows and Enter open the highlighted customer.
    await page.getByRole('heading', { name: 'Customers' }).click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'customer-search-input',
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/customers/${customerId}$`));
  });

  it('shows the customer page with emails, masked key, orders and notes', async () => {
    await page.goto(`${server.url}/customers/${customerId}`);
    await page.getByRole('heading', { name: 'Søren Kierkegård' }).waitFor();
    expect(await page.getByTestId('customer-email').allTextContents()).toEqual([
      'soren.k@philosophy.example',
    ]);
    const key = page.getByTestId('license-key').first();
    expect(await key.textContent()).not.toContain(KEY.slice(0, 5));
    await page.getByRole('button', { name: /^Show key of/ }).click();
    expect(await key.textContent()).toBe(KEY);
    // Resending happens in place on this page (licenses/resend-in-place.spec.ts follows it through).
    expect(await page.getByRole('button', { name: /^Resend key of/ }).isVisible()).toBe(true);
    expect(await page.getByText('PP-E2E-1813').isVisible()).toBe(true);
    await page.getByLabel('New private note').fill('Prefers email over chat');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByTestId('customer-note').filter({ hasText: 'Prefers email over chat' }).waitFor();
    await page.getByText('Added a note').waitFor();
    await expectAccessible(page, 'Customer page');
  });

  it('looks up a key, and explains a typo with the closest key', async () => {
    await page.goto(`${server.url}/licenses`);
    await page.getByTestId('license-lookup-input').waitFor();
    await expectAccessible(page, 'License lookup (empty)');
    const typo = `${KEY.slice(0, 3)}${KEY[3] === 'A' ? 'B' : 'A'}${KEY.slice(4)}`;
    await page.getByTestId('license-lookup-input').fill(typo);
    await page.getByRole('button', { name: 'Look up' }).click();
    const miss = page.getByTestId('license-lookup-miss');
    await miss.waitFor();
    expect(await miss.textContent()).toContain('typo');
    expect(await miss.textContent()).toContain(KEY);
    await expectAccessible(page, 'License lookup miss');
    await page.getByTestId('license-lookup-input').fill(KEY.toLowerCase().replaceAll('-', ' '));
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByTestId('license-lookup-found').waitFor();
    expect(await page.getByRole('link', { name: 'Søren Kierkegård' }).isVisible()).toBe(true);
    await expectAccessible(page, 'License lookup found');
  });

  it('opens the Ctrl-K palette from any page and jumps to a customer', async () => {
    await page.goto(`${server.url}/`);
    await page
      .getByRole('button', { name: /Search/ })
      .first()
      .waitFor();
    await page.keyboard.press('Control+K');
    const box = page.getByRole('textbox', { name: 'Search customers, keys, orders and pages' });
    await box.waitFor();
    await box.fill('PP-E2E-1813');
    await page.getByTestId('palette-customer').filter({ hasText: 'Søren Kierkegård' }).waitFor();
    await expectAccessible(page, 'Command palette');
    await page.getByTestId('palette-customer').filter({ hasText: 'Søren Kierkegård' }).click();
    await page.waitForURL(new RegExp(`/customers/${customerId}$`));
  });
});
