// Bounces arrive by IMAP: a delivery status notification about an announcement Keydesk sent (its
// outbox Message-ID in the returned headers) is appended to a real Dovecot mailbox, the IMAP sync
// stores it, and the recipient ends bounced with the address suppressed.
import { existsSync } from 'node:fs';
import { saveCampaignDraft, startCampaign } from '@keydesk/announcements';
import { seedPerson } from '@keydesk/announcements/testing';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { createOutboxSender } from '@keydesk/mail';
import { startTestSmtpServer, type TestSmtpServer } from '@keydesk/mail/testing';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncMailbox } from './imap-sync.ts';
import {
  DOVECOT_BINARY,
  type Dovecot,
  IMAP_PASSWORD,
  IMAP_USER,
  startDovecot,
} from './test-fixtures/dovecot.ts';

if (!existsSync(DOVECOT_BINARY))
  throw new Error('Dovecot is missing: run node scripts/ensure-system-deps.mjs dovecot');

const FROM = 'Keydesk <news@keydesk.example>';
const silent = { info() {}, warn() {}, error() {} };

function bounceFor(address: string, messageId: string): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example>',
    `To: ${IMAP_USER}`,
    'Subject: Undelivered Mail Returned to Sender',
    'Date: Mon, 07 Dec 2026 10:00:00 +0000',
    'Message-ID: <dsn-1@mx.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
    '',
    '--r',
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered.',
    '',
    '--r',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example',
    '',
    `Final-Recipient: rfc822; ${address}`,
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
    '',
    '--r',
    'Content-Type: text/rfc822-headers',
    '',
    `From: ${FROM}`,
    `To: ${address}`,
    `Message-ID: ${messageId}`,
    'Subject: Tessera 5 is here',
    '',
    '--r--',
    '',
  ].join('\r\n');
}

describe('a bounce synced from a real IMAP mailbox', () => {
  let dovecot: Dovecot;
  let smtp: TestSmtpServer;
  let db: TestDb;
  beforeAll(async () => {
    dovecot = await startDovecot();
    smtp = await startTestSmtpServer();
    db = await createTestDb();
  });
  afterAll(async () => {
    await db?.destroy();
    await smtp?.stop();
    await dovecot?.stop();
  });

  it('marks the recipient bounced and suppresses the address', async () => {
    await seedPerson(db, { name: 'Ann', emails: ['ann@home.test'], licenses: [{ majorVersion: 5 }] });
    await seedPerson(db, { name: 'Bob', emails: ['bob@home.test'], licenses: [{ majorVersion: 5 }] });
    const { id } = saveCampaignDraft({
      db,
      draft: {
        name: 'Tessera 5',
        topic: 'updates',
        audience: { include: [{ kind: 'license', majorVersion: 5 }], exclude: [] },
        subject: 'Tessera 5 is here',
        textBody: 'Hello {{name}}',
        htmlBody: '<p>Hello {{name}}</p>',
      },
      now: new Date(),
    });
    const context = { db, publicUrl: 'https://keydesk.example.com', fromAddress: FROM, secret: 's' };
    await startCampaign(context, id, () => new Date());
    const sender = createOutboxSender({
      db,
      getConfig: () => ({ smtpUrl: smtp.url, from: FROM }),
      logger: silent,
    });
    expect(await sender.runOnce()).toMatchObject({ sent: 2 });
    await sender.stop();
    const sent = await db.prisma.outboxEmail.findFirstOrThrow({
      where: { toAddress: 'ann@home.test' },
      select: { messageId: true, status: true },
    });
    expect(sent.status).toBe('sent');

    const client = new ImapFlow({
      host: '127.0.0.1',
      port: dovecot.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: IMAP_USER, pass: IMAP_PASSWORD },
      logger: false,
    });
    await client.connect();
    try {
      await client.append('INBOX', bounceFor('ann@home.test', sent.messageId));
    } finally {
      await client.logout();
    }

    const result = await syncMailbox({
      db,
      account: {
        host: '127.0.0.1',
        port: dovecot.port,
        user: IMAP_USER,
        password: IMAP_PASSWORD,
        secure: false,
        requireTls: false,
      },
      now: () => new Date(),
    });
    expect(result.folders.reduce((n, f) => n + f.created, 0)).toBe(1);

    const recipients = await db.prisma.campaignRecipient.findMany({
      select: { email: true, status: true, error: true },
      orderBy: { email: 'asc' },
    });
    expect(recipients).toEqual([
      { email: 'ann@home.test', status: 'bounced', error: 'Bounced: 5.1.1 550 5.1.1 User unknown' },
      { email: 'bob@home.test', status: 'sent', error: null },
    ]);
    expect(await db.prisma.emailSuppression.findMany({ select: { email: true, reason: true } })).toEqual([
      { email: 'ann@home.test', reason: 'hard_bounce' },
    ]);
  });
});
