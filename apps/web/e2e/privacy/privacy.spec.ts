import { readFileSync } from 'node:fs';
import { generateDemo } from '@keydesk/db/demo';
import { type SeededPrivacyCustomer, seedPrivacyCustomer } from '@keydesk/privacy/testing';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, newPage, signIn } from '../fixtures/browser.ts';
import { useE2eSession } from '../fixtures/e2e-session.ts';

/** The names of the customers the Customers page finds for a query, once the search has settled. */
async function searchCustomers(page: Page, url: string, query: string): Promise<string[]> {
  await page.goto(`${url}/customers?q=${encodeURIComponent(query)}`);
  const results = page.getByTestId('customer-search-result');
  await results.or(page.getByText('No customer matches')).first().waitFor();
  return results.allTextContents();
}

/** The "Revenue" chart's figures, as its CSV download gives them. */
async function salesChartCsv(page: Page, url: string): Promise<string> {
  await page.goto(`${url}/analytics`);
  const download = page.getByRole('button', { name: 'Download Revenue as CSV' });
  await page.getByTestId('chart-revenue').getByRole('img').waitFor({ timeout: 90_000 });
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  return readFileSync((await file.path()) as string, 'utf8');
}

// Export and erasure are driven from the customer page, as the owner does it; the privacy page
// (/customers/:id/privacy) holds the same actions.
describe('Privacy requests', () => {
  let customer: SeededPrivacyCustomer;

  const salesTotal = async () => {
    const db = await e2e.server.openDb();
    const row = db.sqlite
      .prepare('SELECT COUNT(*) AS orders, SUM(amountMinor) AS amount FROM "Order"')
      .safeIntegers(false)
      .get();
    await db.close();
    return row;
  };

  const e2e = useE2eSession({
    seed(db) {
      generateDemo({ sqlite: db.sqlite, customers: 200, seed: 11 });
      customer = seedPrivacyCustomer(db);
    },
  });

  it('exports a ZIP the browser downloads, holding the customer chat', async () => {
    const page = await newPage(e2e.browser, { acceptDownloads: true });
    await signIn(page, e2e.server.url);
    await page.goto(`${e2e.server.url}/customers/${customer.customerId}/privacy`);
    await page.getByRole('heading', { name: `Privacy: ${customer.name}` }).waitFor();
    await expectAccessible(page, 'customer privacy page');
    await page.goto(`${e2e.server.url}/customers/${customer.customerId}`);
    await page.getByRole('heading', { name: customer.name, level: 1 }).waitFor();

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

  it('erases after the typed address: gone from search, the timeline and the database; sales unchanged', async () => {
    const page = await newPage(e2e.browser);
    await signIn(page, e2e.server.url);
    const revenueBefore = await page.getByTestId('stat-revenue').textContent();
    const salesBefore = await salesTotal();
    const chartBefore = await salesChartCsv(page, e2e.server.url);
    const queries = [customer.email, customer.name, customer.licenseKeyNormalized];
    // Found before, so that "not found" after the erasure means something.
    for (const query of queries) {
      expect((await searchCustomers(page, e2e.server.url, query)).join(' ')).toContain(customer.name);
    }
    await page.goto(`${e2e.server.url}/customers/${customer.customerId}`);
    const timeline = page.getByRole('region', { name: 'Conversations' });
    const chatLink = timeline.locator('a[href^="/conversations/chat/"]').first();
    await chatLink.waitFor();
    const chatPath = (await chatLink.getAttribute('href')) ?? '';

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

    for (const query of queries) expect(await searchCustomers(page, e2e.server.url, query)).toEqual([]);
    await page.goto(`${e2e.server.url}/customers/${customer.customerId}`);
    await page.getByRole('heading', { name: 'Customer not found' }).waitFor();
    expect(await page.getByRole('region', { name: 'Conversations' }).count()).toBe(0);
    await page.goto(`${e2e.server.url}${chatPath}`);
    await page.getByText('No such conversation.').waitFor();
    expect(await page.content()).not.toContain(customer.chatLine);

    const db = await e2e.server.openDb();
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
    expect(await salesChartCsv(page, e2e.server.url)).toBe(chartBefore);

    await page.goto(`${e2e.server.url}/`);
    await page.getByTestId('stat-revenue').waitFor();
    expect(await page.getByTestId('stat-revenue').textContent()).toBe(revenueBefore);
    expect(await page.content()).not.toContain(customer.name);
    await page.goto(`${e2e.server.url}/customers/${customer.customerId}/privacy`);
    await page.getByText(`There is no customer ${customer.customerId}.`).waitFor();
  }, 300_000);
});
