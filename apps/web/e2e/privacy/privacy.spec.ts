import { readFileSync } from 'node:fs';
import { generateDemo } from '@keydesk/db/demo';
import { type SeededPrivacyCustomer, seedPrivacyCustomer } from '@keydesk/privacy/testing';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, signIn } from '../fixtures/browser.ts';
import { type RunningServer, startServer } from '../fixtures/server.ts';

// The customer page is built on another branch; until it mounts CustomerPrivacyActions, the
// component is driven through its own page, /customers/:id/privacy.
describe('Privacy requests', () => {
  let server: RunningServer;
  let browser: Browser;
  let customer: SeededPrivacyCustomer;

  const salesTotal = async () => {
    const db = await server.openDb();
    const row = db.sqlite
      .prepare('SELECT COUNT(*) AS orders, SUM(amountMinor) AS amount FROM "Order"')
      .safeIntegers(false)
      .get();
    await db.close();
    return row;
  };

  beforeAll(async () => {
    server = await startServer();
    const db = await server.openDb();
    generateDemo({ sqlite: db.sqlite, customers: 200, seed: 11 });
    customer = seedPrivacyCustomer(db);
    await db.close();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('exports a ZIP the browser downloads, holding the customer chat', async () => {
    const page = await newPage(browser, { acceptDownloads: true });
    await signIn(page, server.url);
    await page.goto(`${server.url}/customers/${customer.customerId}/privacy`);
    await page.getByRole('heading', { name: `Privacy: ${customer.name}` }).waitFor();
    await expectAccessible(page, 'customer privacy page');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export data (ZIP)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^customer-\d+-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
    const chats = JSON.parse(strFromU8(files['chats.json'] as Uint8Array));
    expect(chats[0].messages.map((m: { text: string }) => m.text)).toContain(customer.chatLine);
    expect(strFromU8(files['summary.html'] as Uint8Array)).toContain(customer.name);
  }, 240_000);

  it('erases after the typed address: gone from the database and the app, sales unchanged', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    const revenueBefore = await page.getByTestId('stat-revenue').textContent();
    const salesBefore = await salesTotal();

    await page.goto(`${server.url}/customers/${customer.customerId}/privacy`);
    await page.getByRole('button', { name: 'Erase customer…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase this customer' });
    await dialog.getByText('the product they bought can stop working').waitFor();
    await expectAccessible(page, 'erase dialog');
    const confirm = dialog.getByRole('button', { name: 'Erase permanently' });
    await dialog.getByLabel("Type the customer's email address to confirm").fill('not.them@example.com');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog
      .getByLabel("Type the customer's email address to confirm")
      .fill(customer.email.toUpperCase());
    await confirm.click();
    await page.waitForURL((url) => url.pathname === '/customers');

    const db = await server.openDb();
    expect(
      db.sqlite
        .prepare('SELECT COUNT(*) FROM Customer WHERE id = ?')
        .pluck()
        .safeIntegers(false)
        .get(customer.customerId),
    ).toBe(0);
    expect(
      db.sqlite
        .prepare('SELECT COUNT(*) FROM CustomerEmail WHERE email = ?')
        .pluck()
        .safeIntegers(false)
        .get(customer.email),
    ).toBe(0);
    await db.close();
    expect(await salesTotal()).toEqual(salesBefore);

    await page.goto(`${server.url}/`);
    await page.getByTestId('stat-revenue').waitFor();
    expect(await page.getByTestId('stat-revenue').textContent()).toBe(revenueBefore);
    expect(await page.content()).not.toContain(customer.name);
    await page.goto(`${server.url}/customers/${customer.customerId}/privacy`);
    await page.getByText(`There is no customer ${customer.customerId}.`).waitFor();
  }, 240_000);
});
