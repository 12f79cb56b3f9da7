import { generateDemo } from '@keydesk/db/demo';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { newPage } from '../fixtures/browser.ts';
import { useE2eSession } from '../fixtures/e2e-session.ts';
import type { RunningServer } from '../fixtures/server.ts';
import type { DesignPage } from './design-pages.ts';

export type DesignSession = {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A page in a new context (theme, viewport), signed in unless `page.isSignedOut`. */
  open(target: DesignPage, options: BrowserContextOptions): Promise<Page>;
};

/**
 * One server with demo data and one sign-in, shared by every page and theme of the calling
 * `describe` (vitest hooks, like useE2eSession).
 */
export function useDesignSession(customers = 400): DesignSession {
  const e2e = useE2eSession({
    seed(db) {
      generateDemo({ sqlite: db.sqlite, customers, seed: 3 });
      // The pages as an owner who has picked a home currency sees them (the key is analytics'
      // SETTING_HOME_CURRENCY; the web workspace does not depend on that package).
      db.sqlite
        .prepare("INSERT INTO Setting (key, value, updatedAt) VALUES ('money.homeCurrency', 'EUR', ?)")
        .run(Date.now());
    },
    hasStorageState: true,
  });
  return {
    get server() {
      return e2e.server;
    },
    get browser() {
      return e2e.browser;
    },
    async open(target, options) {
      const page = await newPage(e2e.browser, {
        ...options,
        storageState: target.isSignedOut ? undefined : e2e.storageState,
        reducedMotion: 'reduce',
      });
      await page.goto(`${e2e.server.url}${target.path}`);
      await target.ready(page).first().waitFor({ timeout: 15_000 });
      return page;
    },
  };
}
