import { randomUUID } from 'node:crypto';
import { createDb } from '@keydesk/db';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resendLicenseKey } from './license-resend/resend-license-key.ts';
import { createOutboxSender, DEFAULT_LEASE_MS, DEFAULT_RETRY, retryDelayMs } from './outbox-sender.ts';
import { claimNextOutboxEmail, releaseInterruptedOutboxEmails } from './outbox-store.ts';
import { findFreePort, seedLicense, startTestSmtpServer, type TestSmtpServer } from './testing/index.ts';

const FROM = 'support@keydesk.example';
const silent = { info() {}, warn() {}, error() {} };

describe('outbox sender', () => {
  let db: TestDb;
  let smtp: TestSmtpServer | null = null;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => {
    await smtp?.stop();
    smtp = null;
    await db.destroy();
  });

  /** A key resend queued at `now`; a null sender is one queued before SMTP was configured. */
  async function queueOne(now: Date, fromAddress: string | null = FROM) {
    const seeded = await seedLicense(db);
    const queued = await resendLicenseKey({
      db,
      licenseId: seeded.licenseId,
      requestId: randomUUID(),
      fromAddress,
      now,
    });
    return { ...seeded, ...queued };
  }

  it('keeps the email queued while SMTP is down, and delivers it exactly once after a restart', async () => {
    const port = await findFreePort();
    const config = { smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM };
    const t0 = new Date();
    const queued = await queueOne(t0);

    const first = createOutboxSender({ db, getConfig: () => config, logger: silent, now: () => t0 });
    expect(await first.runOnce()).toMatchObject({ sent: 0, retried: 1 });
    const waiting = await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id: queued.outboxId } });
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(waiting.nextAttemptAt.getTime()).toBe(t0.getTime() + retryDelayMs(1));
    await first.stop();

    // The server restarts: the process and its connection are gone; only the file remains.
    await db.close();
    const restarted = await createDb({ file: db.file });
    try {
      smtp = await startTestSmtpServer({ port });
      const early = createOutboxSender({
        db: restarted,
        getConfig: () => config,
        logger: silent,
        now: () => t0,
      });
      expect(await early.runOnce()).toMatchObject({ sent: 0, retried: 0 });
      await early.stop();

      const later = new Date(t0.getTime() + retryDelayMs(1));
      const second = createOutboxSender({
        db: restarted,
        getConfig: () => config,
        logger: silent,
        now: () => later,
      });
      expect(await second.runOnce()).toMatchObject({ sent: 1 });
      expect(await second.runOnce()).toMatchObject({ sent: 0 });
      await second.stop();

      await smtp.waitForMessages(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]?.parsed.messageId).toBe(waiting.messageId);
      expect(smtp.received[0]?.parsed.text).toContain(queued.key);
      const sent = await restarted.prisma.outboxEmail.findUniqueOrThrow({ where: { id: queued.outboxId } });
      expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      await restarted.close();
    }
  });

  it('keeps sending through its connection pool after the SMTP server restarts under it', async () => {
    const port = await findFreePort();
    smtp = await startTestSmtpServer({ port });
    const config = { smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM };
    let clock = new Date();
    const sender = createOutboxSender({ db, getConfig: () => config, logger: silent, now: () => clock });
    await queueOne(clock);
    expect(await sender.runOnce()).toMatchObject({ sent: 1 });

    // The pooled connection is closed by the server going away; one email fails while it is down.
    await smtp.stop();
    smtp = null;
    const during = await queueOne(clock);
    expect(await sender.runOnce()).toMatchObject({ sent: 0, retried: 1 });

    smtp = await startTestSmtpServer({ port });
    clock = new Date(clock.getTime() + retryDelayMs(1));
    const after = await queueOne(clock);
    expect(await sender.runOnce()).toMatchObject({ sent: 2 });
    const received = await smtp.waitForMessages(2);
    const texts = received.map((m) => m.parsed.text ?? '').join('\n');
    expect(texts).toContain(during.key);
    expect(texts).toContain(after.key);
    await sender.stop();
  });

  it('waits in the outbox, untouched, while SMTP is not configured', async () => {
    const now = new Date();
    const queued = await queueOne(now);
    const sender = createOutboxSender({ db, getConfig: () => null, logger: silent, now: () => now });
    expect(await sender.runOnce()).toMatchObject({ isConfigured: false, sent: 0 });
    expect(await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id: queued.outboxId } })).toMatchObject({
      status: 'queued',
      attempts: 0,
    });
    await sender.stop();
  });

  it('fills in the sender of an email queued before SMTP was configured', async () => {
    smtp = await startTestSmtpServer();
    const queued = await queueOne(new Date(), null);
    const sender = createOutboxSender({
      db,
      getConfig: () => ({ smtpUrl: smtp?.url ?? '', from: FROM }),
      logger: silent,
    });
    expect(await sender.runOnce()).toMatchObject({ sent: 1 });
    const [message] = await smtp.waitForMessages(1);
    expect(message?.parsed.from?.text).toBe(FROM);
    expect(await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id: queued.outboxId } })).toMatchObject({
      fromAddress: FROM,
      status: 'sent',
    });
    await sender.stop();
  });

  it('sends an email left in "sending" by a crash again, once, after its lease, with the same Message-ID', async () => {
    smtp = await startTestSmtpServer();
    const config = { smtpUrl: smtp.url, from: FROM };
    const t0 = new Date();
    const queued = await queueOne(t0);
    // A sender took it and died before the SMTP call finished.
    expect(claimNextOutboxEmail(db, t0, DEFAULT_LEASE_MS)?.id).toBe(queued.outboxId);

    const soon = new Date(t0.getTime() + DEFAULT_LEASE_MS - 1);
    const during = createOutboxSender({ db, getConfig: () => config, logger: silent, now: () => soon });
    expect(await during.runOnce()).toMatchObject({ sent: 0 });
    await during.stop();

    const after = new Date(t0.getTime() + DEFAULT_LEASE_MS);
    const recovered = createOutboxSender({ db, getConfig: () => config, logger: silent, now: () => after });
    expect(await recovered.runOnce()).toMatchObject({ sent: 1 });
    expect(await recovered.runOnce()).toMatchObject({ sent: 0 });
    await recovered.stop();
    const [message] = await smtp.waitForMessages(1);
    const row = await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id: queued.outboxId } });
    expect(message?.parsed.messageId).toBe(row.messageId);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.received).toHaveLength(1);
  });

  it('makes only interrupted sends due at once when a server restarts alone on the database', async () => {
    const t0 = new Date();
    const interrupted = await queueOne(t0);
    expect(claimNextOutboxEmail(db, t0, DEFAULT_LEASE_MS)?.id).toBe(interrupted.outboxId);
    const later = await queueOne(new Date(t0.getTime() + 60_000));
    const restart = new Date(t0.getTime() + 1_000);
    expect(releaseInterruptedOutboxEmails(db, restart)).toBe(1);
    expect(claimNextOutboxEmail(db, restart, DEFAULT_LEASE_MS)).toMatchObject({
      id: interrupted.outboxId,
      previousStatus: 'sending',
      attempts: 2,
    });
    expect(claimNextOutboxEmail(db, restart, DEFAULT_LEASE_MS)).toBeNull();
    const waiting = await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id: later.outboxId } });
    expect(waiting).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('gives up after the last attempt and says why', async () => {
    const port = await findFreePort();
    let clock = new Date();
    const queued = await queueOne(clock);
    const retry = { ...DEFAULT_RETRY, maxAttempts: 3 };
    const sender = createOutboxSender({
      db,
      getConfig: () => ({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM }),
      logger: silent,
      now: () => clock,
      retry,
    });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await sender.runOnce();
      clock = new Date(clock.getTime() + retryDelayMs(attempt, retry));
    }
    const row = await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id: queued.outboxId } });
    expect(row.status).toBe('failed');
    expect(row.lastError).toMatch(/^Gave up after 3 attempts: /);
    await sender.stop();
  });

  it('wakes at once when an email is queued, when started', async () => {
    smtp = await startTestSmtpServer();
    const config = { smtpUrl: smtp.url, from: FROM };
    const sender = createOutboxSender({
      db,
      getConfig: () => config,
      logger: silent,
      pollIntervalMs: 60_000,
    });
    sender.start();
    await new Promise((r) => setTimeout(r, 100));
    const queued = await queueOne(new Date());
    const [message] = await smtp.waitForMessages(1, 5_000);
    expect(message?.parsed.text).toContain(queued.key);
    await sender.stop();
  });
});
