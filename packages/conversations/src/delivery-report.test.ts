// Delivery and feedback reports from the real-world corpus (test-corpus/email, see its README):
// each names the addresses it speaks of and what happened to them; ordinary mail is no report.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeliveryReport } from './delivery-report.ts';
import { MalformedEmailError, parseEmail } from './parse-email.ts';

const corpus = path.resolve(import.meta.dirname, '../test-corpus/email');

async function reportOf(file: string) {
  const raw = readFileSync(path.join(corpus, file));
  return (await parseEmail(raw, { maxAttachmentBytes: 100_000, fallbackDate: null })).deliveryReport;
}

describe('readDeliveryReport', () => {
  it.each([
    ['postal-mime/bounce.eml', ['htfgvhyufthdgcvhgjyfthgc@ethereal.email'], 'failed', '5.0.0'],
    ['mailparser/delivery-status.eml', ['xxxx@xxxx.com'], 'failed', '5.1.1'],
    ['mikel-mail/multipart_report_emails/report_422.eml', ['fraser@oooooooo.com.au'], 'delayed', '4.2.2'],
    ['mikel-mail/multipart_report_emails/report_530.eml', ['edwin@zzzzzzz.com'], 'failed', '5.3.0'],
    [
      'mikel-mail/multipart_report_emails/multipart_report_multiple_status.eml',
      ['u@ci.com'],
      'failed',
      '5.3.0',
    ],
    [
      'mikel-mail/multipart_report_emails/multi_address_bounce1.eml',
      [
        'bbbbvhvbbvkjbhfbvbvjhb@gmail.com',
        'bscdbcjhasbcjhbdscbhbsdhcbj@gmail.com',
        'egyfefsdvsfvvhjsd@gmail.com',
        'kfhejkfbsjkjsbhds@gmail.com',
        'qfvhgsvhgsduiohncdhcvhsdfvsfygusd@gmail.com',
      ],
      'failed',
      '5.1.1',
    ],
  ])('%s: every recipient with its outcome', async (file, addresses, outcome, status) => {
    const report = await reportOf(file);
    expect(report?.kind).toBe('delivery-status');
    expect(report?.recipients.map((r) => r.address)).toEqual(addresses);
    for (const r of report?.recipients ?? []) {
      expect(r.outcome).toBe(outcome);
      expect(r.status).toBe(status);
    }
  });

  it('reads an abuse report (ARF) as a complaint about the original recipient', async () => {
    const report = await reportOf('postal-mime/arf.eml');
    expect(report).toMatchObject({
      kind: 'feedback-report',
      recipients: [{ address: 'user@example.com', outcome: 'complaint', diagnostic: 'Feedback-Type: abuse' }],
    });
  });

  it('finds the returned message’s own Message-ID, not the report’s', async () => {
    const report = await reportOf('postal-mime/bounce.eml');
    expect(report?.originalMessageId).toMatch(/^<[^<>\s]+>$/);
    const raw = readFileSync(path.join(corpus, 'postal-mime/bounce.eml'), 'latin1');
    const ownId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1];
    expect(report?.originalMessageId).not.toBe(ownId);
  });

  it('finds no report in mail that is not one', async () => {
    const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.eml'),
    );
    expect(files.length).toBeGreaterThan(140);
    for (const file of files) {
      const raw = readFileSync(path.join(corpus, file), 'latin1');
      if (/report-type/i.test(raw)) continue;
      // A file the parser refuses (no header block at all) is no report either.
      const report = await reportOf(file).catch((error: unknown) => {
        if (error instanceof MalformedEmailError) return null;
        throw error;
      });
      expect(report, file).toBeNull();
    }
  });

  it('reads fields folded over lines, in any order and any case, and refuses a report without addresses', () => {
    const report = (body: string) =>
      readDeliveryReport(
        'multipart/report; report-type="delivery-status"; boundary="b"',
        Buffer.from(
          `Subject: x\r\n\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n${body}\r\n--b--\r\n`,
        ),
      );
    expect(
      report(
        'Reporting-MTA: dns; mx\r\n\r\nstatus: 5.2.2\r\nACTION: failed\r\nfinal-recipient: rfc822;\r\n <A@B.example>',
      ),
    ).toMatchObject({ recipients: [{ address: 'a@b.example', outcome: 'failed', status: '5.2.2' }] });
    expect(report('Final-Recipient: rfc822; a@b.example\r\nStatus: 4.4.1')?.recipients[0]?.outcome).toBe(
      'delayed',
    );
    expect(report('Reporting-MTA: dns; mx\r\n\r\nAction: failed')).toBeNull();
    expect(readDeliveryReport('multipart/mixed; boundary="b"', Buffer.from('x'))).toBeNull();
  });
});
