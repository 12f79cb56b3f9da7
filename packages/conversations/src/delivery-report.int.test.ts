// Bounces and complaints in the synced mailbox act on the announcements they are about: a
// permanent failure suppresses the address and marks its recipient bounced, a complaint suppresses
// it, a delay is noted. A report about mail Keydesk did not send to that address changes nothing.
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { startTestSmtpServer, type TestSmtpServer } from '@keydesk/mail/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEmail } from './parse-email.ts';
import { storeEmail } from './store-emails.ts';
import { deliveryReportEmail, sendUpdateNotice } from './test-fixtures/sent-campaign.ts';

describe('delivery reports in the mailbox', () => {
  let db: TestDb;
  let smtp: TestSmtpServer;

  beforeEach(async () => {
    db = await createTestDb();
    smtp = await startTestSmtpServer();
  });
  afterEach(async () => {
    await smtp.stop();
    await db.destroy();
  });

  const sendCampaign = () =>
    sendUpdateNotice(db, smtp.url, [
      ['Ann', 'ann@home.test'],
      ['Bob', 'bob@home.test'],
      ['Cid', 'cid@home.test'],
    ]);

  async function receive(report: string) {
    const parsed = await parseEmail(Buffer.from(report), { maxAttachmentBytes: 100_000, fallbackDate: null });
    db.sqlite.transaction(() =>
      storeEmail(db, parsed, { source: 'imap', ownAddresses: new Set(), now: new Date() }),
    )();
  }

  const recipients = () =>
    db.prisma.campaignRecipient.findMany({
      select: { email: true, status: true, error: true },
      orderBy: { email: 'asc' },
    });
  const suppressions = () => db.prisma.emailSuppression.findMany({ select: { email: true, reason: true } });

  it('suppresses a hard bounce, notes a delay and suppresses a complaint, each on its own recipient', async () => {
    const ids = await sendCampaign();
    expect(ids.size).toBe(3);
    await receive(
      deliveryReportEmail({
        kind: 'delivery-status',
        fields:
          'Reporting-MTA: dns; mx.example\r\n\r\nFinal-Recipient: rfc822; ann@home.test\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 No such user',
        messageId: ids.get('ann@home.test') ?? '',
      }),
    );
    await receive(
      deliveryReportEmail({
        kind: 'delivery-status',
        fields: 'Final-Recipient: rfc822; bob@home.test\r\nAction: delayed\r\nStatus: 4.4.1',
        messageId: ids.get('bob@home.test') ?? '',
      }),
    );
    await receive(
      deliveryReportEmail({
        kind: 'feedback-report',
        fields: 'Feedback-Type: abuse\r\nVersion: 1\r\nOriginal-Rcpt-To: <cid@home.test>',
        messageId: ids.get('cid@home.test') ?? '',
      }),
    );
    expect(await recipients()).toEqual([
      { email: 'ann@home.test', status: 'bounced', error: 'Bounced: 5.1.1 550 5.1.1 No such user' },
      { email: 'bob@home.test', status: 'sent', error: 'Delayed: 4.4.1' },
      { email: 'cid@home.test', status: 'sent', error: 'Reported as spam (Feedback-Type: abuse)' },
    ]);
    expect(await suppressions()).toEqual([
      { email: 'ann@home.test', reason: 'hard_bounce' },
      { email: 'cid@home.test', reason: 'complaint' },
    ]);
    // The reports are kept as mail too, like any other message.
    expect(await db.prisma.emailMessage.count()).toBe(3);
  });

  it('changes nothing for a report about mail Keydesk did not send, or not to that address', async () => {
    const ids = await sendCampaign();
    const failed = (address: string) =>
      `Final-Recipient: rfc822; ${address}\r\nAction: failed\r\nStatus: 5.1.1`;
    // A stranger's forged bounce, naming a customer and a made-up Message-ID.
    await receive(
      deliveryReportEmail({
        kind: 'delivery-status',
        fields: failed('ann@home.test'),
        messageId: '<forged@x.example>',
      }),
    );
    // A real Message-ID of ours, but another address than the one it went to.
    await receive(
      deliveryReportEmail({
        kind: 'delivery-status',
        fields: failed('bob@home.test'),
        messageId: ids.get('ann@home.test') ?? '',
      }),
    );
    // No returned headers at all.
    await receive(
      deliveryReportEmail({ kind: 'delivery-status', fields: failed('cid@home.test'), messageId: '' }),
    );
    expect(await suppressions()).toEqual([]);
    // Nobody is bounced or noted (the outbox's outcome reaches a recipient when its list is read).
    for (const r of await recipients()) {
      expect(r.status).not.toBe('bounced');
      expect(r.error).toBeNull();
    }
  });
});
