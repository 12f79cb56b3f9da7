import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, seedLicense, startTestSmtpServer, type TestSmtpServer } from '@keydesk/mail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useE2eSession } from '../fixtures/e2e-session.ts';
import { type RunningServer, startServer } from '../fixtures/server.ts';

// Retries back off from 30 s: this spec waits for them for real, so it is allowed five minutes.
describe('Resending while the SMTP server is down', () => {
  let smtp: TestSmtpServer | null = null;
  let restarted: RunningServer | null = null;
  let port = 0;
  let seeded: Awaited<ReturnType<typeof seedLicense>>;
  let dataDir = '';
  const env = () => ({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'support@keydesk.test' });

  // Registered before the session's hooks: its server starts with this port and folder. Our own
  // folder: the fixture deletes a folder it made itself when the server stops.
  beforeAll(async () => {
    port = await findFreePort();
    dataDir = mkdtempSync(path.join(tmpdir(), 'keydesk-e2e-outage-'));
  });
  const e2e = useE2eSession({
    server: () => ({ env: env(), dataDir }),
    async seed(db) {
      seeded = await seedLicense(db);
    },
    page: {},
  });
  afterAll(async () => {
    await restarted?.stop();
    await smtp?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('queues the email, survives a server restart, and delivers it once SMTP is back', {
    timeout: 300_000,
  }, async () => {
    const page = e2e.page;
    await page.goto(`${e2e.server.url}/licenses/${seeded.licenseId}?resend=1`);
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
    await e2e.server.stop();
    smtp = await startTestSmtpServer({ port });
    const server = await startServer({ env: env(), dataDir });
    restarted = server;
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
