// Bounces arrive by IMAP: a delivery status notification about an announcement Keydesk sent (its
// outbox Message-ID in the returned headers) is appended to a real Dovecot mailbox, the IMAP sync
// stores it, and the recipient ends bounced with the address suppressed.
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { startTestSmtpServer, type TestSmtpServer } from '@keydesk/mail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncMailbox } from './imap-sync.ts';
import { type Dovecot, imapAccount, startDovecot, withImapClient } from './test-fixtures/dovecot.ts';
import { deliveryReportEmail, sendUpdateNotice } from './test-fixtures/sent-campaign.ts';

function bounceFor(address: string, messageId: string): string {
  return deliveryReportEmail({
    kind: 'delivery-status',
    fields: [
      'Reporting-MTA: dns; mx.example',
      '',
      `Final-Recipient: rfc822; ${address}`,
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
    ].join('\r\n'),
    messageId,
  });
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
    const ids = await sendUpdateNotice(db, smtp.url, [
      ['Ann', 'ann@home.test'],
      ['Bob', 'bob@home.test'],
    ]);
    await withImapClient(dovecot, (client) =>
      client.append('INBOX', bounceFor('ann@home.test', ids.get('ann@home.test') ?? '')).then(() => {}),
    );

    const result = await syncMailbox({ db, account: imapAccount(dovecot), now: () => new Date() });
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
