import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { createOutboxSender } from '@keydesk/mail';
import { startTestSmtpServer, type TestSmtpServer } from '@keydesk/mail/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCampaignDraft } from './campaigns.ts';
import { findCampaignDailyReport } from './find-campaign-daily-report.ts';
import { recordDeliveryReport } from './record-delivery-report.ts';
import { startCampaign } from './send-campaign.ts';
import { recordMailboxRefused } from './suppress-address.ts';
import { seedPerson, UPDATE_NOTICE_DRAFT } from './testing.ts';
import { unsubscribeByToken } from './unsubscribe.ts';
import { signUnsubscribeToken } from './unsubscribe-token.ts';

const FROM = 'Keydesk <news@keydesk.example>';
const SECRET = 'report-secret';
const silent = { info() {}, warn() {}, error() {} };
const day = (d: number, hour = 10) => new Date(Date.UTC(2026, 11, d, hour));

describe('a campaign report by day', () => {
  let db: TestDb;
  let smtp: TestSmtpServer;
  beforeEach(async () => {
    db = await createTestDb();
    smtp = await startTestSmtpServer({ rejectRecipients: /^gone@/ });
  });
  afterEach(async () => {
    await smtp.stop();
    await db.destroy();
  });

  it('counts sent, failed, bounced and unsubscribed recipients on the day each happened', async () => {
    for (const [name, email] of [
      ['Ann', 'ann@home.test'],
      ['Bob', 'bob@home.test'],
      ['Cid', 'cid@home.test'],
      ['Dee', 'dee@home.test'],
      ['Gus', 'gone@home.test'],
    ] as const) {
      await seedPerson(db, { name, emails: [email], licenses: [{}] });
    }
    const { id } = saveCampaignDraft({ db, draft: UPDATE_NOTICE_DRAFT, now: day(1) });
    const context = { db, publicUrl: 'https://keydesk.example.com', fromAddress: FROM, secret: SECRET };
    await startCampaign(context, id, () => day(1));
    expect(findCampaignDailyReport({ db, campaignId: id, now: day(1) })).toEqual([]);

    // Dee's email gave up on day 1 (as after its last attempt); the others go out that day.
    await db.prisma.outboxEmail.updateMany({
      where: { toAddress: 'dee@home.test' },
      data: { status: 'failed', lastError: 'Gave up after 10 attempts', nextAttemptAt: day(1, 11) },
    });
    const sender = createOutboxSender({
      db,
      getConfig: () => ({ smtpUrl: smtp.url, from: FROM }),
      logger: silent,
      now: () => day(1),
      onMailboxRefused: (refused) => recordMailboxRefused({ db, ...refused, now: day(1) }),
    });
    expect(await sender.runOnce()).toMatchObject({ sent: 3, failed: 1 });
    await sender.stop();

    // Bob leaves on day 2; Cid's mailbox bounces on day 3.
    const recipients = await db.prisma.campaignRecipient.findMany({ select: { id: true, email: true } });
    const bob = recipients.find((r) => r.email === 'bob@home.test')?.id ?? 0;
    unsubscribeByToken({
      db,
      secret: SECRET,
      token: signUnsubscribeToken(SECRET, bob),
      scope: 'this',
      now: day(2),
    });
    const cid = await db.prisma.outboxEmail.findFirstOrThrow({ where: { toAddress: 'cid@home.test' } });
    recordDeliveryReport(
      db,
      {
        originalMessageId: cid.messageId,
        recipients: [{ address: 'cid@home.test', outcome: 'failed', status: '5.1.1', diagnostic: null }],
      },
      day(3),
    );

    expect(findCampaignDailyReport({ db, campaignId: id, now: day(3) })).toEqual([
      // Gus's address was refused at the door: bounced, never sent.
      { day: '2026-12-01', sent: 3, failed: 1, bounced: 1, unsubscribed: 0 },
      { day: '2026-12-02', sent: 0, failed: 0, bounced: 0, unsubscribed: 1 },
      { day: '2026-12-03', sent: 0, failed: 0, bounced: 1, unsubscribed: 0 },
    ]);
  });

  it('refuses an unknown campaign', () => {
    expect(() => findCampaignDailyReport({ db, campaignId: 999, now: day(1) })).toThrow(/no campaign 999/);
  });
});
