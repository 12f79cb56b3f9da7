import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, seedLicense, startTestSmtpServer, type TestSmtpServer } from '@keydesk/mail/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn } from '../fixtures/browser.ts';
import { type RunningServer, startServer } from '../fixtures/server.ts';

// Retries back off from 30 s: this spec waits for them for real, so it is allowed five minutes.
describe('Resending while the SMTP server is down', () => {
  let smtp: TestSmtpServer | null = null;
  let server: RunningServer;
  let browser: Browser;
  let dataDir = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('queues the email, survives a server restart, and delivers it once SMTP is back', {
    timeout: 300_000,
  }, async () => {
    const port = await findFreePort();
    const env = { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'support@keydesk.test' };
    // Our own data folder: the fixture deletes a folder it made itself when the server stops.
    dataDir = mkdtempSync(path.join(tmpdir(), 'keydesk-e2e-outage-'));
    server = await startServer({ env, dataDir });
    const db = await server.openDb();
    const seeded = await seedLicense(db);
    await db.close();

    const page = await newPage(browser);
    await signIn(page, server.url);
    await page.goto(`${server.url}/licenses/${seeded.licenseId}?resend=1`);
    const dialog = page.getByRole('dialog', { name: 'Resend license key' });
    await dialog.getByTestId('license-resend-preview').waitFor();
    await dialog.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Key email queued').waitFor();
    const history = page.getByTestId('license-resend-history');
    await history.getByText(/Attempt 1 failed: .*ECONNREFUSED/).waitFor({ timeout: 20_000 });
    await expect(history.locator('tbody').getByText('Queued', { exact: true }).isVisible()).resolves.toBe(
      true,
    );
    await page.context().close();

    // Stop the server, bring the SMTP server back, and start the server again on the same data.
    await server.stop();
    smtp = await startTestSmtpServer({ port });
    server = await startServer({ env, dataDir });
    // Due at once if the restart beat the next retry; otherwise at the next back-off step.
    const [message] = await smtp.waitForMessages(1, 150_000);
    expect(message?.envelopeTo).toEqual([seeded.email]);
    expect(message?.parsed.text).toContain(seeded.key);

    const check = await server.openDb();
    const outbox = await check.prisma.outboxEmail.findMany({
      select: { status: true, attempts: true, messageId: true },
    });
    await check.close();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ status: 'sent', messageId: message?.parsed.messageId });
    expect(outbox[0]?.attempts).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 6_000));
    expect(smtp.received).toHaveLength(1);
  });
});
