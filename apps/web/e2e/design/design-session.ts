import { generateDemo } from '@keydesk/db/demo';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, newPage, signIn } from '../fixtures/browser.ts';
import { type RunningServer, startServer } from '../fixtures/server.ts';
import type { DesignPage } from './design-pages.ts';

export type DesignSession = {
  server: RunningServer;
  browser: Browser;
  /** A page in a new context (theme, viewport), signed in unless `page.isSignedOut`. */
  open(target: DesignPage, options: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
};

/** One server with demo data and one sign-in, shared by every page and theme of a spec. */
export async function startDesignSession(customers = 400): Promise<DesignSession> {
  const server = await startServer();
  const db = await server.openDb();
  generateDemo({ sqlite: db.sqlite, customers, seed: 3 });
  await db.close();
  const browser = await launchBrowser();
  const first = await newPage(browser);
  await signIn(first, server.url);
  const storageState = await first.context().storageState();
  await first.context().close();
  return {
    server,
    browser,
    async open(target, options) {
      const page = await newPage(browser, {
        ...options,
        storageState: target.isSignedOut ? undefined : storageState,
        reducedMotion: 'reduce',
      });
      await page.goto(`${server.url}${target.path}`);
      await target.ready(page).first().waitFor({ timeout: 15_000 });
      return page;
    },
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}
