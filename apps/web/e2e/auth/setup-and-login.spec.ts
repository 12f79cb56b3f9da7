import { describe, expect, it } from 'vitest';
import { expectAccessible, newPage } from '../fixtures/browser.ts';
import { useE2eSession } from '../fixtures/e2e-session.ts';

const OWNER = { email: 'me@keydesk.test', password: 'plum orchard under snow 7' };

describe('setup with the printed token, sign-in, wrong password, sign-out', { timeout: 180_000 }, () => {
  const e2e = useE2eSession({
    server: { withOwner: false },
  });

  it('creates the owner only with the printed token', async () => {
    expect(e2e.server.setupToken).toMatch(/^[\w-]{20,}$/);
    const page = await newPage(e2e.browser);
    await page.goto(`${e2e.server.url}/setup?token=not-the-token`);
    await page.getByLabel(/^Email/).fill(OWNER.email);
    await page.getByLabel(/^Password/).fill(OWNER.password);
    await page.getByLabel(/^Repeat password/).fill(OWNER.password);
    await page.getByRole('button', { name: 'Create owner' }).click();
    await page.getByRole('alert').filter({ hasText: 'invalid or has expired' }).waitFor();

    await page.goto(`${e2e.server.url}/setup?token=${e2e.server.setupToken}`);
    await expectAccessible(page, 'Setup page');
    await page.getByLabel(/^Email/).fill(OWNER.email);
    await page.getByLabel(/^Password/).fill('password123456');
    await page.getByLabel(/^Repeat password/).fill('password123456');
    await page.getByRole('button', { name: 'Create owner' }).click();
    await page.getByRole('alert').filter({ hasText: 'most commonly used' }).waitFor();

    await page.getByLabel(/^Password/).fill(OWNER.password);
    await page.getByLabel(/^Repeat password/).fill(OWNER.password);
    await page.getByRole('button', { name: 'Create owner' }).click();
    await page.waitForURL(/\/login$/);
    await page.context().close();
  });

  it('refuses a wrong password, signs in with the right one, and signs out', async () => {
    const page = await newPage(e2e.browser);
    await page.goto(`${e2e.server.url}/login`);
    await expectAccessible(page, 'Sign-in page');
    await page.getByLabel(/^Email/).fill(OWNER.email);
    await page.getByLabel(/^Password/).fill('not my password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The email or password is not right.' }).waitFor();

    await page.getByLabel(/^Password/).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({
      name: 'keydesk_session',
      httpOnly: true,
      sameSite: 'Strict',
      expires: -1,
    });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${e2e.server.url}/settings`);
    await page.waitForURL(/\/login\?next=%2Fsettings/);
    const db = await e2e.server.openDb();
    const actions = (
      await db.prisma.auditLog.findMany({ select: { action: true }, orderBy: { id: 'asc' } })
    ).map((a) => a.action);
    await db.close();
    expect(actions).toEqual(['auth.setup', 'auth.login.failed', 'auth.login', 'auth.logout']);
    await page.context().close();
  });

  it('changes the password in Settings, clears the form, and signs in only with the new one', async () => {
    const newPassword = 'quince ladder over frost 9';
    const page = await newPage(e2e.browser);
    const signInWith = async (password: string) => {
      await page.goto(`${e2e.server.url}/login`);
      await page.getByLabel(/^Email/).fill(OWNER.email);
      await page.getByLabel(/^Password/).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    };
    await signInWith(OWNER.password);
    await page.waitForURL((url) => url.pathname === '/');

    await page.goto(`${e2e.server.url}/settings?tab=security`);
    const current = page.getByLabel(/^Current password/);
    await current.fill('not my password at all');
    await page.getByLabel(/^New password/).fill(newPassword);
    await page.getByLabel(/^Repeat the new password/).fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').filter({ hasText: 'The current password is not right.' }).waitFor();

    await current.fill(OWNER.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed. Every other session has ended.').waitFor();
    expect(await current.inputValue()).toBe('');
    expect(await page.getByLabel(/^New password/).inputValue()).toBe('');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await signInWith(OWNER.password);
    await page.getByRole('alert').filter({ hasText: 'The email or password is not right.' }).waitFor();
    await signInWith(newPassword);
    await page.waitForURL((url) => url.pathname === '/');
    await page.context().close();
  });
});
