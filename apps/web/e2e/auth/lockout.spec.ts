import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage } from '../fixtures/browser.ts';
import { useE2eSession } from '../fixtures/e2e-session.ts';
import { OWNER, REPO_ROOT } from '../fixtures/server.ts';

/** Submits the form and returns the server's answer, once the page shows it. */
async function submit(page: Page, password: string): Promise<string> {
  await page.getByLabel(/^Password/).fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/trpc/auth.login')),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  const body = JSON.stringify(await response.json());
  const message = /"message":"([^"]+)"/.exec(body)?.[1] ?? '';
  await page.getByRole('alert').filter({ hasText: message }).waitFor();
  return message;
}

describe('lockout after repeated failures', { timeout: 180_000 }, () => {
  const e2e = useE2eSession({});

  it('backs off after a few wrong passwords, refuses even the right one, and unlocks from the shell', async () => {
    const page = await newPage(e2e.browser);
    await page.goto(`${e2e.server.url}/login`);
    await page.getByLabel(/^Email/).fill(OWNER.email);
    const answers: string[] = [];
    // Wrong guesses until the wait the server names is long enough to try the right password in.
    for (let i = 0; i < 60; i++) {
      const answer = await submit(page, `wrong guess ${i} for this account`);
      answers.push(answer);
      const seconds = Number(/Try again in (\d+) seconds/.exec(answer)?.[1] ?? 0);
      if (seconds >= 5) break;
      await page.waitForTimeout(200);
    }
    expect(answers.slice(0, 5).every((a) => a.includes('The email or password is not right.'))).toBe(true);
    expect(answers.at(-1)).toMatch(/Too many failed sign-ins\. Try again in \d+ seconds\./);

    expect(await submit(page, OWNER.password)).toMatch(/Too many failed sign-ins/);

    const unlock = spawnSync(
      path.join(REPO_ROOT, 'node_modules/.bin/tsx'),
      ['apps/api/src/cli/owner.ts', 'unlock'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: `file:${e2e.server.dbFile}` },
        encoding: 'utf8',
      },
    );
    expect(unlock.status).toBe(0);
    await page.getByLabel(/^Password/).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    const db = await e2e.server.openDb();
    const attempts = await db.prisma.loginAttempt.count();
    await db.close();
    expect(attempts).toBe(answers.length + 3); // every attempt, the unlock marker and the sign-in
    await page.context().close();
  });
});
