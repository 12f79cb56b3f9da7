// The small things of the owner's day: setup hands its email to sign-in, Enter opens the palette's
// first result, jobs and the audit log read as words, counts have proper plurals.
import { parseEmail, storeEmail } from '@keydesk/conversations';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from '../fixtures/browser.ts';
import { OWNER, type RunningServer, startServer } from '../fixtures/server.ts';
import { WIDE } from '../fixtures/viewports.ts';

describe('Small things', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let customerId = 0;
  let threadId = 0;

  beforeAll(async () => {
    server = await startServer({ withOwner: false });
    const db = await server.openDb();
    const now = Date.now();
    customerId = Number(
      db.sqlite
        .prepare(
          'INSERT INTO Customer (name, country, firstSeenAt, lastSeenAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run('Łukasz Kowalczyk', 'PL', now, now, now, now).lastInsertRowid,
    );
    const raw = Buffer.from(
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
    );
    const parsed = await parseEmail(raw, { maxAttachmentBytes: 1000, fallbackDate: new Date() });
    db.sqlite.transaction(() => {
      storeEmail(db, parsed, {
        source: 'mbox',
        ownAddresses: new Set(['support@keydesk.test']),
        now: new Date(),
      });
    })();
    threadId = Number(db.sqlite.prepare('SELECT id FROM EmailThread').pluck().get());
    await db.close();
    browser = await launchBrowser();
    page = await newPage(browser, { viewport: WIDE });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('after setup, the sign-in form already holds the email just entered', async () => {
    await page.goto(`${server.url}/setup?token=${server.setupToken}`);
    await page.getByLabel(/^Email/).fill(OWNER.email);
    await page.getByLabel(/^Password/).fill(OWNER.password);
    await page.getByLabel(/^Repeat password/).fill(OWNER.password);
    await page.getByRole('button', { name: 'Create owner' }).click();
    await page.waitForURL(/\/login$/);
    expect(await page.getByLabel(/^Email/).inputValue()).toBe(OWNER.email);
    // Focus waits in the password field: typing it and Enter is all that is left.
    await page.keyboard.type(OWNER.password);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  });

  it('Enter opens the first palette result without an arrow press', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: /^Search/ }).waitFor();
    await page.keyboard.press('Control+K');
    const box = page.getByRole('textbox', { name: 'Search customers, keys, orders and pages' });
    await box.waitFor();
    await box.fill('Kowalczyk');
    await page.getByTestId('palette-customer').first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/customers/${customerId}$`));
  });

  it('Enter pressed before the results arrive opens the first of them when they come', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: /^Search/ }).waitFor();
    await page.keyboard.press('Control+K');
    const box = page.getByRole('textbox', { name: 'Search customers, keys, orders and pages' });
    await box.waitFor();
    await box.pressSequentially('Kowalcz');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/customers/${customerId}$`));
  });

  it('names jobs in words and says their schedule as "every …"', async () => {
    await page.goto(`${server.url}/settings?tab=jobs`);
    const card = page.getByTestId('job-sessions.purge');
    await card.getByText('Remove expired sessions').waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toMatch(/Runs every (hour|\d+ minutes|\d+ hours|day)/);
    expect(text).not.toMatch(/\d\.\d+ hours/);
    expect(await page.getByText('sessions.purge', { exact: true }).count()).toBe(0);
  });

  it('reads the audit log as sentences', async () => {
    await page.goto(`${server.url}/settings?tab=audit`);
    const table = page.getByTestId('audit-table');
    await table.getByText('Signed in', { exact: true }).first().waitFor();
    await table.getByText('Created the owner account').waitFor();
    expect(await table.textContent()).not.toContain('auth.login');
  });

  it('counts messages with a proper plural', async () => {
    await page.goto(`${server.url}/conversations/email/${threadId}`);
    await page.getByText(/^1 message · /).waitFor();
    expect(await page.getByText(/message\(s\)/).count()).toBe(0);
  });
});
