import { TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, newPage, signIn } from '../fixtures/browser.ts';
import { useE2eSession } from '../fixtures/e2e-session.ts';
import { OWNER } from '../fixtures/server.ts';

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login/);
}

async function passwordStep(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel(/^Email/).fill(OWNER.email);
  await page.getByLabel(/^Password/).fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
}

describe('two-factor sign-in in the browser', { timeout: 240_000 }, () => {
  let secret = '';
  let recoveryCodes: string[] = [];
  const e2e = useE2eSession({});

  it('enrols with the QR code and a confirming code, showing recovery codes once', async () => {
    const page = await newPage(e2e.browser);
    await signIn(page, e2e.server.url);
    await page.goto(`${e2e.server.url}/settings`);
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    await expectAccessible(page, 'Settings, security');
    secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    await page.getByLabel(/^Code from the app/).fill(new TOTP({ secret }).generate());
    await page.getByRole('button', { name: 'Confirm and turn on' }).click();
    const list = page.getByTestId('recovery-codes');
    await list.waitFor();
    recoveryCodes = (await list.locator('code').allTextContents()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await expect(list.count()).resolves.toBe(0);
    await page.getByText('10 recovery codes left').waitFor();
    await signOut(page);
    await page.context().close();
  });

  it('signs in with a code from the app', async () => {
    const page = await newPage(e2e.browser);
    await passwordStep(page, e2e.server.url);
    await expectAccessible(page, 'Two-factor step');
    // The next 30-second step: the one used to confirm may not be used again.
    await page
      .getByLabel(/^Authentication code/)
      .fill(new TOTP({ secret }).generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await signOut(page);
    await page.context().close();
  });

  let page: Page;

  it('signs in with a recovery code', async () => {
    page = await newPage(e2e.browser);
    await passwordStep(page, e2e.server.url);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel(/^Recovery code/).fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`${e2e.server.url}/settings`);
    await page.getByText('9 recovery codes left').waitFor();
  });

  it('lists sessions, the audit log and credentials in Settings', async () => {
    await page.getByRole('tab', { name: 'Sessions' }).click();
    await page.getByText('This browser').waitFor();
    await expectAccessible(page, 'Settings, sessions');
    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.getByTestId('audit-table').getByText('Signed in with a recovery code').waitFor();
    await expectAccessible(page, 'Settings, audit log');
    await page.getByRole('tab', { name: 'Credentials' }).click();
    await page.getByRole('button', { name: 'Set imap.password' }).click();
    await page.getByLabel('New value for imap.password').fill('mailbox-password-123');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('credential-imap.password').getByText('Set', { exact: true }).waitFor();
    expect(await page.content()).not.toContain('mailbox-password-123');
    await expectAccessible(page, 'Settings, credentials');
    await signOut(page);
    await page.context().close();
  });

  it('refuses a recovery code used before', async () => {
    const again = await newPage(e2e.browser);
    await passwordStep(again, e2e.server.url);
    await again.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await again.getByLabel(/^Recovery code/).fill(recoveryCodes[0] ?? '');
    await again.getByRole('button', { name: 'Verify' }).click();
    await again.getByRole('alert').filter({ hasText: 'That code is not right' }).waitFor();
    await again.context().close();
  });
});
