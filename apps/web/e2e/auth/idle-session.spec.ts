import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser, newPage, signIn } from '../fixtures/browser.ts';
import { type RunningServer, startServer } from '../fixtures/server.ts';

describe('an idle session', { timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer({ env: { SESSION_IDLE_MINUTES: '1' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends the owner back to sign in once it has been idle too long', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    await page.goto(`${server.url}/settings?tab=sessions`);
    await page.getByText('This browser').waitFor();
    // Two minutes pass without a request: move the session's last activity back instead of waiting.
    const db = await server.openDb();
    db.sqlite.prepare('UPDATE Session SET lastSeenAt = ?').run(Date.now() - 2 * 60_000);
    await db.close();
    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.waitForURL(/\/login\?next=/);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.context().close();
  });
});
