import { generateDemo } from '@keydesk/db/demo';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useE2eSession } from '../fixtures/e2e-session.ts';
import { expectAccessibleEverywhere, WIDE } from '../fixtures/viewports.ts';

const COUNTRIES = ['FR', 'BE', 'CH', 'CA', 'LU'];

// Twenty-five customers share a name: the list must say what tells them apart, at a list's density.
describe('Customers: namesakes and half-remembered names', () => {
  let storage: Awaited<ReturnType<ReturnType<Page['context']>['storageState']>>;

  const e2e = useE2eSession({
    page: { viewport: WIDE },
    seed(db) {
      generateDemo({ sqlite: db.sqlite, customers: 200, seed: 8 });
      const day = 86_400_000;
      const now = Date.now();
      db.sqlite.transaction(() => {
        const names = [...Array.from({ length: 25 }, () => 'Hélène Dubois'), 'Łukasz Kowalczyk'];
        names.forEach((name, i) => {
          const id = db.sqlite
            .prepare(
              `INSERT INTO Customer (name, country, firstSeenAt, lastSeenAt, createdAt, updatedAt)
               VALUES (?, ?, ?, ?, ?, ?)`,
            )
            .run(name, COUNTRIES[i % COUNTRIES.length], now, now, now, now).lastInsertRowid;
          db.sqlite
            .prepare(
              'INSERT INTO CustomerEmail (customerId, email, isPrimary, createdAt) VALUES (?, ?, 1, ?)',
            )
            .run(id, `helene.${i}@namesake${i}.example`, now);
          db.sqlite
            .prepare(
              `INSERT INTO "Order" (reseller, resellerOrderId, customerId, product, edition, amountMinor, currency, status, purchasedAt, createdAt, updatedAt)
               VALUES ('paypro', ?, ?, 'Tessera', 'Pro', ?, 'EUR', 'completed', ?, ?, ?)`,
            )
            .run(`PP-NS-${i}`, id, 1000 + i * 100, now - i * day, now, now);
        });
      })();
    },
  });

  beforeAll(async () => {
    storage = await e2e.page.context().storageState();
  });

  async function search(query: string) {
    await e2e.page.goto(`${e2e.server.url}/customers?q=${encodeURIComponent(query)}`);
    await e2e.page.getByTestId('customer-search-result').first().waitFor();
    await e2e.page.waitForFunction(() => !document.querySelector('[aria-label="Searching"]'));
  }

  it('shows how many were found and what tells each apart, 15+ rows on a 900 px screen', async () => {
    await search('Hélène Dubois');
    await expect
      .poll(() => e2e.page.getByTestId('customer-search-count').textContent())
      .toMatch(/25 customers/);
    const rows = e2e.page.getByTestId('customer-search-result');
    const texts = await rows.allTextContents();
    expect(texts.filter((text) => text.includes('Hélène Dubois')).length).toBeGreaterThanOrEqual(25);
    const first = texts.find((text) => text.includes('helene.0@namesake0.example')) ?? '';
    expect(first).toContain('FR');
    expect(first).toContain('Tessera · 0 licenses');
    expect(first).toMatch(/€10\.00|10[.,]00\s?€/);
    expect(first).toContain('Last order');
    expect(new Set(texts).size, 'every row reads differently').toBe(texts.length);
    const inView = await rows.evaluateAll(
      (elements) => elements.filter((el) => el.getBoundingClientRect().bottom <= window.innerHeight).length,
    );
    expect(inView).toBeGreaterThanOrEqual(15);
  });

  it('finds a name typed without its accents plus one typo, and a surname alone with a typo', async () => {
    await search('Lukasz Kowalczik');
    expect(await e2e.page.getByTestId('customer-search-result').first().textContent()).toContain(
      'Łukasz Kowalczyk',
    );
    await search('Kowalcyk');
    expect(await e2e.page.getByTestId('customer-search-result').first().textContent()).toContain(
      'Łukasz Kowalczyk',
    );
    await search('Helene Duboiss');
    expect(await e2e.page.getByTestId('customer-search-result').first().textContent()).toContain(
      'Name similar',
    );
  });

  // Several axe runs on a shared 2-core machine: far more than the default 90 s.
  it('is accessible at 1440 and 390 px in light and dark', { timeout: 600_000 }, async () => {
    await expectAccessibleEverywhere(e2e.browser, storage, 'Customer search results', async (p) => {
      await p.goto(`${e2e.server.url}/customers?q=${encodeURIComponent('Hélène Dubois')}`);
      await p.getByTestId('customer-search-result').first().waitFor();
    });
  });
});
