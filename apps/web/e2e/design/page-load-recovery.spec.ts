import { generateDemo } from '@keydesk/db/demo';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, newPage, signIn } from '../fixtures/browser.ts';
import { useE2eSession } from '../fixtures/e2e-session.ts';

/**
 * Makes every request for a built chunk fail as a dropped connection would, until `restore()`.
 * (Vite also modulepreloads a chunk it imports, so one import can fetch it twice.)
 */
async function failChunk(page: Page, name: string) {
  let isFailing = true;
  let served = 0;
  await page.context().route(new RegExp(`/assets/${name}-[\\w-]+\\.js(\\?.*)?$`), async (route) => {
    if (isFailing) return route.abort('internetdisconnected');
    served += 1;
    return route.continue();
  });
  return {
    restore: () => {
      isFailing = false;
    },
    served: () => served,
  };
}

const loadError = (page: Page) =>
  page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });

describe('a page whose code fails to download', () => {
  const e2e = useE2eSession({
    seed: (db) => generateDemo({ sqlite: db.sqlite, customers: 60, seed: 5 }),
    hasStorageState: true,
  });

  it('says so inside the shell, and Retry loads the page', async () => {
    const page = await newPage(e2e.browser, { storageState: e2e.storageState });
    await page.goto(`${e2e.server.url}/`);
    await page.getByTestId('stat-customers-value').waitFor();
    const chunk = await failChunk(page, 'customers-page');

    await page.getByRole('link', { name: 'Customers' }).click();
    await loadError(page).waitFor();
    // The shell stays usable around the error.
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    await expectAccessible(page, 'page load error');

    chunk.restore();
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('heading', { name: 'Customers', exact: true }).waitFor();
    expect(await loadError(page).count()).toBe(0);
    expect(chunk.served()).toBeGreaterThan(0);
    await page.context().close();
  });

  // Whatever this Chromium does, a browser may keep a failed import for the life of the document:
  // here the page's original URL keeps failing, as it would from such a browser's module map.
  it('recovers in the same document when the browser keeps the failed import', async () => {
    const page = await newPage(e2e.browser, { storageState: e2e.storageState });
    await page.goto(`${e2e.server.url}/`);
    await page.getByTestId('stat-customers-value').waitFor();
    let freshFetches = 0;
    await page.context().route(/\/assets\/license-lookup-page-[\w-]+\.js(\?.*)?$/, async (route) => {
      if (!new URL(route.request().url()).searchParams.has('retry'))
        return route.abort('internetdisconnected');
      freshFetches += 1;
      return route.continue();
    });
    const documentLoads = await page.evaluate(() => performance.getEntriesByType('navigation').length);

    await page.getByRole('link', { name: 'License lookup' }).click();
    await loadError(page).waitFor();
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('heading', { name: 'License lookup', exact: true }).waitFor();
    expect(freshFetches).toBeGreaterThan(0);
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(documentLoads);
    await page.context().close();
  });

  it('after a deploy, reloads once onto the new build, and never loops', async () => {
    const page = await newPage(e2e.browser, { storageState: e2e.storageState });
    await page.goto(`${e2e.server.url}/`);
    await page.getByTestId('stat-customers-value').waitFor();
    // A deploy replaced the chunks: the old analytics chunk is gone, and index.html names a new entry.
    await failChunk(page, 'analytics-page');
    const html = await (await page.request.get(`${e2e.server.url}/`)).text();
    await page.route(`${e2e.server.url}/`, async (route) => {
      if (route.request().resourceType() === 'document') return route.continue();
      return route.fulfill({
        contentType: 'text/html',
        body: html.replace(/\/assets\/index-[\w-]+\.js/, '/assets/index-NEWBUILD.js'),
      });
    });
    let documentLoads = 0;
    page.on('load', () => {
      documentLoads += 1;
    });

    await page.getByRole('link', { name: 'Analytics', exact: true }).click();
    // One reload onto /analytics; its chunk still fails and the same new build is announced, so the
    // error shows instead of another reload.
    await loadError(page).waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).pathname).toBe('/analytics');
    await page.waitForTimeout(500);
    expect(documentLoads).toBe(1);
    await page.context().close();
  });
});

describe('the command palette', () => {
  const e2e = useE2eSession();

  it('says when its code cannot load, and opens on the next try', async () => {
    const page = await newPage(e2e.browser);
    await signIn(page, e2e.server.url);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    const chunk = await failChunk(page, 'search-command-palette');

    await page.keyboard.press('Control+K');
    await page.getByText('Search could not be loaded').waitFor();
    await expectAccessible(page, 'command palette load error');

    chunk.restore();
    await page.getByRole('button', { name: /^Search/ }).click();
    await page.getByRole('textbox', { name: 'Search customers, keys, orders and pages' }).waitFor();
    expect(chunk.served()).toBeGreaterThan(0);
    await page.context().close();
  });
});
