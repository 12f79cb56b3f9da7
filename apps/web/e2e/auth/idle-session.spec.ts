import { describe, it } from 'vitest';
import { newPage, signIn } from '../fixtures/browser.ts';
import { useE2eSession } from '../fixtures/e2e-session.ts';

describe('an idle session', { timeout: 180_000 }, () => {
  const e2e = useE2eSession({
    server: { env: { SESSION_IDLE_MINUTES: '1' } },
  });

  it('sends the owner back to sign in once it has been idle too long', async () => {
    const page = await newPage(e2e.browser);
    await signIn(page, e2e.server.url);
    await page.goto(`${e2e.server.url}/settings?tab=sessions`);
    await page.getByText('This browser').waitFor();
    // Two minutes pass without a request: move the session's last activity back instead of waiting.
    const db = await e2e.server.openDb();
    db.sqlite.prepare('UPDATE Session SET lastSeenAt = ?').run(Date.now() - 2 * 60_000);
    await db.close();
    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.waitForURL(/\/login\?next=/);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.context().close();
  });
});
