// The small things of the owner's day: setup hands its email to sign-in, Enter opens the palette's
// first result, jobs and the audit log read as words, counts have proper plurals.
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../fixtures/e2e-session.ts';
import { openPalette } from '../fixtures/palette.ts';
import { seedEmail } from '../fixtures/seed-email.ts';
import { OWNER } from '../fixtures/server.ts';
import { WIDE } from '../fixtures/viewports.ts';

describe('Small things', () => {
  let customerId = 0;
  let threadId = 0;
  const e2e = useE2eSession({
    server: { withOwner: false },
    // Signed out: the first test creates the owner through the setup page.
    page: { viewport: WIDE },
    signIn: false,
    async seed(db) {
      const now = Date.now();
      customerId = Number(
        db.sqlite
          .prepare(
            'INSERT INTO Customer (name, country, firstSeenAt, lastSeenAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run('Łukasz Kowalczyk', 'PL', now, now, now, now).lastInsertRowid,
      );
      await seedEmail(
        db,
        Buffer.from(
          [
            'From: Łukasz <lukasz@example.com>',
            'To: support@keydesk.test',
            'Subject: One question',
            'Date: Mon, 06 Jan 2025 10:00:00 +0000',
            'Message-ID: <one@example.com>',
            'Content-Type: text/plain; charset=utf-8',
            '',
            'Hello',
          ].join('\r\n'),
        ),
      );
      threadId = Number(db.sqlite.prepare('SELECT id FROM EmailThread').pluck().get());
    },
  });

  it('after setup, the sign-in form already holds the email just entered', async () => {
    await e2e.page.goto(`${e2e.server.url}/setup?token=${e2e.server.setupToken}`);
    await e2e.page.getByLabel(/^Email/).fill(OWNER.email);
    await e2e.page.getByLabel(/^Password/).fill(OWNER.password);
    await e2e.page.getByLabel(/^Repeat password/).fill(OWNER.password);
    // A slow machine (a 6x slower CPU here) must not change what the owner sees.
    const cdp = await e2e.page.context().newCDPSession(e2e.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await e2e.page.getByRole('button', { name: 'Create owner' }).click();
    // The URL changes before the sign-in page has rendered (navigations render in a transition),
    // and the setup page has an Email field too: wait for the sign-in page itself.
    await e2e.page.getByRole('heading', { name: 'Sign in to Keydesk' }).waitFor();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect(new URL(e2e.page.url()).pathname).toBe('/login');
    expect(await e2e.page.getByLabel(/^Email/).inputValue()).toBe(OWNER.email);
    // Focus waits in the password field: typing it and Enter is all that is left.
    await expect
      .poll(() => e2e.page.evaluate(() => document.activeElement?.getAttribute('autocomplete')))
      .toBe('current-password');
    await e2e.page.keyboard.type(OWNER.password);
    await e2e.page.keyboard.press('Enter');
    await e2e.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  });

  it('Enter opens the first palette result without an arrow press', async () => {
    const box = await openPalette(e2e.page, e2e.server.url);
    await box.fill('Kowalczyk');
    await e2e.page.getByTestId('palette-customer').first().waitFor();
    await e2e.page.keyboard.press('Enter');
    await e2e.page.waitForURL(new RegExp(`/customers/${customerId}$`));
  });

  it('Enter pressed before the results arrive opens the first of them when they come', async () => {
    const box = await openPalette(e2e.page, e2e.server.url);
    await box.pressSequentially('Kowalcz');
    await e2e.page.keyboard.press('Enter');
    await e2e.page.waitForURL(new RegExp(`/customers/${customerId}$`));
  });

  it('names jobs in words and says their schedule as "every …"', async () => {
    await e2e.page.goto(`${e2e.server.url}/settings?tab=jobs`);
    const card = e2e.page.getByTestId('job-sessions.purge');
    await card.getByText('Remove expired sessions').waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toMatch(/Runs every (hour|\d+ minutes|\d+ hours|day)/);
    expect(text).not.toMatch(/\d\.\d+ hours/);
    expect(await e2e.page.getByText('sessions.purge', { exact: true }).count()).toBe(0);
  });

  it('reads the audit log as sentences', async () => {
    await e2e.page.goto(`${e2e.server.url}/settings?tab=audit`);
    const table = e2e.page.getByTestId('audit-table');
    await table.getByText('Signed in', { exact: true }).first().waitFor();
    await table.getByText('Created the owner account').waitFor();
    expect(await table.textContent()).not.toContain('auth.login');
  });

  it('counts messages with a proper plural', async () => {
    await e2e.page.goto(`${e2e.server.url}/conversations/email/${threadId}`);
    await e2e.page.getByText(/^1 message · /).waitFor();
    expect(await e2e.page.getByText(/message\(s\)/).count()).toBe(0);
  });
});
