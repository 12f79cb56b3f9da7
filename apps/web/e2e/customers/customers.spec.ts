import { generateDemo } from '@keydesk/db/demo';
import { generateLicenseKey, normalizeLicenseKey } from '@keydesk/license-key';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../fixtures/browser.ts';
import { useE2eSession } from '../fixtures/e2e-session.ts';
import { openPalette } from '../fixtures/palette.ts';

const KEY = generateLicenseKey(() => new Uint8Array(23).map((_, i) => (i * 7 + 3) % 256));

describe('Customers: search, customer page, license lookup, palette', () => {
  let customerId = 0;

  const e2e = useE2eSession({
    page: {},
    seed(db) {
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
    },
  });

  async function searchFor(query: string): Promise<string[]> {
    const input = e2e.page.getByTestId('customer-search-input');
    await input.fill(query);
    const first = e2e.page.getByTestId('customer-search-result').first();
    await e2e.page.waitForFunction((q) => new URL(window.location.href).searchParams.get('q') === q, query);
    await first.waitFor();
    // Wait until the results for this query (not the previous one) are on screen.
    await e2e.page.waitForFunction(() => !document.querySelector('[aria-label="Searching"]'));
    return e2e.page.getByTestId('customer-search-result').allTextContents();
  }

  it('finds the customer by an email fragment, a misspelled name and a key without dashes', async () => {
    await e2e.page.goto(`${e2e.server.url}/customers`);
    await e2e.page.getByTestId('customer-search-input').waitFor();
    await expectAccessible(e2e.page, 'Customers page (empty)');

    expect((await searchFor('philosophy.exa'))[0]).toContain('Søren Kierkegård');
    const typo = await searchFor('Soren Kirkegard');
    expect(typo.some((text) => text.includes('Søren Kierkegård'))).toBe(true);
    const byKey = await searchFor(normalizeLicenseKey(KEY).toLowerCase());
    expect(byKey[0]).toContain('Søren Kierkegård');
    expect(byKey[0]).toContain('License key exact');
    await expectAccessible(e2e.page, 'Customers page with results');

    // "/" focuses the box; arrows and Enter open the highlighted customer.
    await e2e.page.getByRole('heading', { name: 'Customers' }).click();
    await e2e.page.keyboard.press('/');
    expect(await e2e.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'customer-search-input',
    );
    await e2e.page.keyboard.press('Enter');
    await e2e.page.waitForURL(new RegExp(`/customers/${customerId}$`));
  });

  it('shows the customer page with emails, masked key, orders and notes', async () => {
    await e2e.page.goto(`${e2e.server.url}/customers/${customerId}`);
    await e2e.page.getByRole('heading', { name: 'Søren Kierkegård' }).waitFor();
    expect(await e2e.page.getByTestId('customer-email').allTextContents()).toEqual([
      'soren.k@philosophy.example',
    ]);
    const key = e2e.page.getByTestId('license-key').first();
    expect(await key.textContent()).not.toContain(KEY.slice(0, 5));
    await e2e.page.getByRole('button', { name: /^Show key of/ }).click();
    expect(await key.textContent()).toBe(KEY);
    // Resending happens in place on this page (licenses/resend-in-place.spec.ts follows it through).
    expect(await e2e.page.getByRole('button', { name: /^Resend key of/ }).isVisible()).toBe(true);
    expect(await e2e.page.getByText('PP-E2E-1813').isVisible()).toBe(true);
    await e2e.page.getByLabel('New private note').fill('Prefers email over chat');
    await e2e.page.getByRole('button', { name: 'Add note' }).click();
    await e2e.page.getByTestId('customer-note').filter({ hasText: 'Prefers email over chat' }).waitFor();
    await e2e.page.getByText('Added a note').waitFor();
    await expectAccessible(e2e.page, 'Customer page');
  });

  it('looks up a key, and explains a typo with the closest key', async () => {
    await e2e.page.goto(`${e2e.server.url}/licenses`);
    await e2e.page.getByTestId('license-lookup-input').waitFor();
    await expectAccessible(e2e.page, 'License lookup (empty)');
    const typo = `${KEY.slice(0, 3)}${KEY[3] === 'A' ? 'B' : 'A'}${KEY.slice(4)}`;
    await e2e.page.getByTestId('license-lookup-input').fill(typo);
    await e2e.page.getByRole('button', { name: 'Look up' }).click();
    const miss = e2e.page.getByTestId('license-lookup-miss');
    await miss.waitFor();
    expect(await miss.textContent()).toContain('typo');
    expect(await miss.textContent()).toContain(KEY);
    await expectAccessible(e2e.page, 'License lookup miss');
    await e2e.page.getByTestId('license-lookup-input').fill(KEY.toLowerCase().replaceAll('-', ' '));
    await e2e.page.getByRole('button', { name: 'Look up' }).click();
    await e2e.page.getByTestId('license-lookup-found').waitFor();
    expect(await e2e.page.getByRole('link', { name: 'Søren Kierkegård' }).isVisible()).toBe(true);
    await expectAccessible(e2e.page, 'License lookup found');
  });

  it('opens the Ctrl-K palette from any page and jumps to a customer', async () => {
    const box = await openPalette(e2e.page, e2e.server.url);
    await box.fill('PP-E2E-1813');
    await e2e.page.getByTestId('palette-customer').filter({ hasText: 'Søren Kierkegård' }).waitFor();
    await expectAccessible(e2e.page, 'Command palette');
    await e2e.page.getByTestId('palette-customer').filter({ hasText: 'Søren Kierkegård' }).click();
    await e2e.page.waitForURL(new RegExp(`/customers/${customerId}$`));
  });
});
