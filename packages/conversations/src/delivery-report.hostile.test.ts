// A delivery report as an attacker would write one: anyone can mail the synced mailbox, so a report
// must cost time in proportion to its size and name only addresses it really holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDeliveryReport } from './delivery-report.ts';

const DSN = 'multipart/report; report-type=delivery-status; boundary="b"';
const ARF = 'multipart/report; report-type=feedback-report; boundary="b"';
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

const reportLine = fc.oneof(
  fc.constantFrom(
    'Content-Type: message/delivery-status',
    'Content-Type: message/feedback-report',
    'Final-Recipient: rfc822; a@b.example',
    'Final-Recipient: rfc822; __proto__@constructor',
    'Original-Rcpt-To: <x@y.example>',
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 no such user',
    'Message-ID: <id@keydesk.example>',
    '--b',
    ' folded continuation',
    '',
  ),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

describe('readDeliveryReport against hostile reports', () => {
  it('reads a report of many part headers once per part, not once per header after it', () => {
    // Each header used to read to the end of the message: 2,000 headers gave the one recipient
    // 2,000 times, in quadratic time.
    const raw = Buffer.from(
      `Subject: x\r\n\r\n${'Content-Type: message/delivery-status\r\n'.repeat(2_000)}` +
        'Final-Recipient: rfc822; a@b.example\r\nAction: failed\r\n',
    );
    expect(readDeliveryReport(DSN, raw)?.recipients).toEqual([
      { address: 'a@b.example', outcome: 'failed', status: null, diagnostic: null },
    ]);
  });

  it('keeps a long diagnostic to 300 characters and reads a megabyte of folding', () => {
    const folded = `Diagnostic-Code: smtp; ${'x\r\n '.repeat(300_000)}end`;
    const raw = Buffer.from(
      `Subject: x\r\n\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n` +
        `Final-Recipient: rfc822; a@b.example\r\nAction: failed\r\n${folded}\r\n--b--\r\n`,
    );
    const [recipient] = readDeliveryReport(DSN, raw)?.recipients ?? [];
    expect(recipient?.address).toBe('a@b.example');
    expect(recipient?.diagnostic?.length).toBe(300);
  });

  it('never throws, and names only well-formed addresses in lower case, for any mix of lines', () => {
    // A synchronous property: fc.assert throws on a counterexample before it returns.
    void fc.assert(
      fc.property(fc.constantFrom(DSN, ARF), fc.array(reportLine, { maxLength: 60 }), (type, lines) => {
        const raw = Buffer.from(`Subject: x\r\n\r\n${lines.join('\r\n')}`, 'latin1');
        const report = readDeliveryReport(type, raw);
        for (const recipient of report?.recipients ?? []) {
          expect(recipient.address).toMatch(ADDRESS);
          expect(recipient.address).toBe(recipient.address.toLowerCase());
          expect((recipient.diagnostic ?? '').length).toBeLessThanOrEqual(300);
        }
        if (report?.originalMessageId) expect(report.originalMessageId).toMatch(/^<[^<>\s]+>$/);
      }),
      { numRuns: 500 },
    );
  });
});
