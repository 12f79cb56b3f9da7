import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { createSecretBox, createSettingsStore } from '@keydesk/settings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMailConfig, updateMailSettings } from '../mail-config.ts';
import { createOutboxSender } from '../outbox-sender.ts';
import { seedLicense, startTestSmtpServer, type TestSmtpServer } from '../testing/index.ts';
import { LicenseResendError } from './get-license-for-resend.ts';
import { previewLicenseResend } from './preview-license-resend.ts';
import { resendLicenseKey } from './resend-license-key.ts';

const FROM = 'Keydesk Support <support@keydesk.example>';
const silent = { info() {}, warn() {}, error() {} };

describe('resendLicenseKey through a real SMTP server', () => {
  let db: TestDb;
  let smtp: TestSmtpServer;
  const settings = () => createSettingsStore(db, createSecretBox(randomBytes(32)));

  beforeAll(async () => {
    db = await createTestDb();
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.stop();
    await db.destroy();
  });

  it('delivers the key in both parts with our Message-ID and a Date, and records it all', async () => {
    const store = settings();
    updateMailSettings({ settings: store, smtpUrl: smtp.url, from: FROM });
    const seeded = await seedLicense(db, { name: 'Zoë <Admin> & Co' });
    const now = new Date();
    const result = await resendLicenseKey({
      db,
      licenseId: seeded.licenseId,
      requestId: randomUUID(),
      fromAddress: FROM,
      ip: '127.0.0.9',
      now,
    });
    expect(result).toMatchObject({ isDuplicate: false, toAddress: seeded.email, isAlternateAddress: false });

    const before = smtp.received.length;
    const sender = createOutboxSender({ db, getConfig: () => resolveMailConfig(store), logger: silent });
    expect(await sender.runOnce()).toMatchObject({ sent: 1, retried: 0, failed: 0 });
    const [message] = (await smtp.waitForMessages(before + 1)).slice(before);
    const outbox = await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id: result.outboxId } });

    expect(message?.envelopeTo).toEqual([seeded.email]);
    expect(message?.parsed.text).toContain(seeded.key);
    expect(message?.parsed.html).toContain(seeded.key);
    expect(message?.parsed.html).toContain('Zoë &lt;Admin&gt; &amp; Co');
    expect(message?.parsed.text).toContain('Zoë <Admin> & Co');
    expect(message?.parsed.messageId).toBe(outbox.messageId);
    expect(outbox.messageId).toMatch(/^<[0-9a-f-]{36}@keydesk\.example>$/);
    expect(message?.raw).toMatch(/^Date: .+$/m);
    expect(Math.abs((message?.parsed.date?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    expect(message?.parsed.from?.text).toContain('support@keydesk.example');

    expect(outbox).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(outbox.serverResponse).toContain(`queued as ${message?.queueId}`);
    const resend = await db.prisma.licenseResend.findUniqueOrThrow({ where: { id: result.resendId } });
    expect(resend).toMatchObject({
      licenseId: seeded.licenseId,
      customerId: seeded.customerId,
      isAlternateAddress: false,
    });
    const audit = await db.prisma.auditLog.findMany({
      where: { action: 'license.resend', targetId: String(seeded.licenseId) },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ customerId: seeded.customerId, actor: 'owner', ip: '127.0.0.9' });
    expect(audit[0]?.details).not.toContain(seeded.email);
    await sender.stop();
  });

  it('sends once on a double submit', async () => {
    const store = settings();
    updateMailSettings({ settings: store, smtpUrl: smtp.url, from: FROM });
    const seeded = await seedLicense(db);
    const requestId = randomUUID();
    const submit = () =>
      resendLicenseKey({ db, licenseId: seeded.licenseId, requestId, fromAddress: FROM, now: new Date() });
    const [first, second] = await Promise.all([submit(), submit()]);
    const third = await submit();
    expect(new Set([first.outboxId, second.outboxId, third.outboxId]).size).toBe(1);
    expect([first, second, third].filter((r) => !r.isDuplicate)).toHaveLength(1);
    expect(await db.prisma.licenseResend.count({ where: { licenseId: seeded.licenseId } })).toBe(1);
    expect(
      await db.prisma.auditLog.count({
        where: { action: 'license.resend', targetId: String(seeded.licenseId) },
      }),
    ).toBe(1);

    const before = smtp.received.length;
    const sender = createOutboxSender({ db, getConfig: () => resolveMailConfig(store), logger: silent });
    await sender.runOnce();
    await sender.runOnce();
    await smtp.waitForMessages(before + 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received.slice(before).filter((m) => m.parsed.text?.includes(seeded.key))).toHaveLength(1);
    await sender.stop();
  });

  it('records another address as such and previews exactly what it sends', async () => {
    const seeded = await seedLicense(db);
    const preview = await previewLicenseResend({
      db,
      licenseId: seeded.licenseId,
      toAddress: 'New.Address@Example.org',
      fromAddress: FROM,
    });
    expect(preview).toMatchObject({ to: 'new.address@example.org', isAlternateAddress: true, from: FROM });
    expect(preview.text).toContain(seeded.key);
    const result = await resendLicenseKey({
      db,
      licenseId: seeded.licenseId,
      toAddress: 'New.Address@Example.org',
      requestId: randomUUID(),
      fromAddress: FROM,
      now: new Date(),
    });
    const outbox = await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id: result.outboxId } });
    expect(outbox).toMatchObject({
      toAddress: 'new.address@example.org',
      subject: preview.subject,
      textBody: preview.text,
      htmlBody: preview.html,
    });
    expect(await db.prisma.licenseResend.findUniqueOrThrow({ where: { id: result.resendId } })).toMatchObject(
      {
        isAlternateAddress: true,
        toAddress: 'new.address@example.org',
      },
    );
  });

  it('refuses a revoked license or a refunded order and writes nothing', async () => {
    for (const overrides of [
      { status: 'revoked' },
      { orderStatus: 'refunded' },
      { orderStatus: 'charged_back' },
    ]) {
      const seeded = await seedLicense(db, overrides);
      await expect(
        resendLicenseKey({
          db,
          licenseId: seeded.licenseId,
          requestId: randomUUID(),
          fromAddress: FROM,
          now: new Date(),
        }),
      ).rejects.toMatchObject({ code: 'BLOCKED' });
      expect(await db.prisma.licenseResend.count({ where: { licenseId: seeded.licenseId } })).toBe(0);
    }
    await expect(
      resendLicenseKey({
        db,
        licenseId: 999_999,
        requestId: randomUUID(),
        fromAddress: FROM,
        now: new Date(),
      }),
    ).rejects.toBeInstanceOf(LicenseResendError);
  });

  it('records a refused recipient as failed with the server reason, without retrying', async () => {
    const rejecting = await startTestSmtpServer({ rejectRecipients: /^nobody@/ });
    try {
      const seeded = await seedLicense(db);
      const result = await resendLicenseKey({
        db,
        licenseId: seeded.licenseId,
        toAddress: 'nobody@example.org',
        requestId: randomUUID(),
        fromAddress: FROM,
        now: new Date(),
      });
      const sender = createOutboxSender({
        db,
        getConfig: () => ({ smtpUrl: rejecting.url, from: FROM }),
        logger: silent,
      });
      expect(await sender.runOnce()).toMatchObject({ failed: 1 });
      const outbox = await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id: result.outboxId } });
      expect(outbox.status).toBe('failed');
      expect(outbox.lastError).toMatch(/550.*No such mailbox/);
      await sender.stop();
    } finally {
      await rejecting.stop();
    }
  });
});
