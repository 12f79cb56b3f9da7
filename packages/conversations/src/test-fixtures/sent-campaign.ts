// A campaign really sent through the outbox to a test SMTP server, for tests of what comes back
// (bounces, complaints): the Message-IDs the returned reports must quote are the outbox's own.
import { saveCampaignDraft, startCampaign } from '@keydesk/announcements';
import { seedPerson, UPDATE_NOTICE_DRAFT } from '@keydesk/announcements/testing';
import type { TestDb } from '@keydesk/db/testing';
import { createOutboxSender } from '@keydesk/mail';

export const CAMPAIGN_FROM = 'Keydesk <news@keydesk.example>';
const silent = { info() {}, warn() {}, error() {} };

/** Seeds one version-5 license holder per name and address, sends them an update notice, and
 *  returns each address's outbox Message-ID. */
export async function sendUpdateNotice(
  db: TestDb,
  smtpUrl: string,
  people: ReadonlyArray<readonly [name: string, email: string]>,
): Promise<Map<string, string>> {
  for (const [name, email] of people)
    await seedPerson(db, { name, emails: [email], licenses: [{ majorVersion: 5 }] });
  const { id } = saveCampaignDraft({ db, draft: UPDATE_NOTICE_DRAFT, now: new Date() });
  const context = { db, publicUrl: 'https://keydesk.example.com', fromAddress: CAMPAIGN_FROM, secret: 's' };
  await startCampaign(context, id, () => new Date());
  const sender = createOutboxSender({
    db,
    getConfig: () => ({ smtpUrl, from: CAMPAIGN_FROM }),
    logger: silent,
    getThrottle: () => ({ perSecond: 100, perHour: 10_000 }),
  });
  const result = await sender.runOnce();
  await sender.stop();
  if (result.sent !== people.length) throw new Error(`Sent ${result.sent} of ${people.length} notices.`);
  const sent = await db.prisma.outboxEmail.findMany({ select: { toAddress: true, messageId: true } });
  return new Map(sent.map((m) => [m.toAddress, m.messageId]));
}

let reportCount = 0;

/** A `multipart/report` as a receiving server returns it: prose, the report fields (`fields`,
 *  CRLF-separated) and the returned headers of our message `messageId` ('' for none). */
export function deliveryReportEmail(options: {
  kind: 'delivery-status' | 'feedback-report';
  fields: string;
  messageId: string;
}): string {
  reportCount++;
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example>',
    `To: ${CAMPAIGN_FROM}`,
    `Subject: Report ${reportCount}`,
    'Date: Mon, 07 Dec 2026 10:00:00 +0000',
    `Message-ID: <report-${reportCount}@mx.example>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=${options.kind};`,
    '\tboundary="r"',
    '',
    '--r',
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered.',
    '',
    '--r',
    `Content-Type: message/${options.kind}`,
    '',
    options.fields,
    '',
    '--r',
    'Content-Type: text/rfc822-headers',
    '',
    `From: ${CAMPAIGN_FROM}`,
    `Message-ID: ${options.messageId}`,
    'Subject: Tessera 5 is here',
    '',
    '--r--',
    '',
  ].join('\r\n');
}
