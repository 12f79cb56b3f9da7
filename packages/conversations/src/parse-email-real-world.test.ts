// The ways real mail broke the email import (issue #17), one case each: nothing may be invented
// (dates, ids) and nothing may be silently lost (bodies, thread links).
import { describe, expect, it } from 'vitest';
import { contentMessageId, dateFromHeaders } from './email-headers.ts';
import { separatorDate } from './mbox-splitter.ts';
import { parseEmail } from './parse-email.ts';

const parse = (raw: string | Buffer, fallbackDate: Date | null = null) =>
  parseEmail(Buffer.isBuffer(raw) ? raw : Buffer.from(raw), { maxAttachmentBytes: 1000, fallbackDate });

const RECEIVED = [
  'Received: from a.example by b.example; Fri, 7 Feb 2003 18:38:06 +0200 (EET)',
  'Received: from c.example by a.example; Fri, 7 Feb 2003 18:37:48 +0200 (EET)',
].join('\n');

describe('parseEmail dates', () => {
  it('reads the Date header, ignoring a trailing comment', async () => {
    const email = await parse('From: a@b.example\nDate: Tue, 11 Sep 2001 00:05:05 -0400 (EDT)\n\nhi\n');
    expect(email.sentAt?.toISOString()).toBe('2001-09-11T04:05:05.000Z');
  });

  it.each(['', 'yesterday-ish', 'Thu, 99 Foo 2001'])(
    'falls back to the newest Received date when Date is %j',
    async (value) => {
      const email = await parse(`${RECEIVED}\nFrom: a@b.example\nDate: ${value}\n\nhi\n`, new Date(0));
      expect(email.sentAt?.toISOString()).toBe('2003-02-07T16:38:06.000Z');
    },
  );

  it('falls back to the transport date, and to null (never the import time) when there is none', async () => {
    const envelope = new Date('2022-08-07T11:40:37Z');
    expect((await parse('From: a@b.example\nDate: soon\n\nhi\n', envelope)).sentAt).toEqual(envelope);
    expect((await parse('From: a@b.example\n\nhi\n', null)).sentAt).toBeNull();
  });

  it('takes the newest of several Received dates whatever their order', () => {
    const lines = [
      { key: 'received', line: 'Received: x; Fri, 7 Feb 2003 10:00:00 +0000' },
      { key: 'received', line: 'Received: y;\n\tFri, 7 Feb 2003 12:00:00 +0000' },
    ];
    expect(dateFromHeaders(lines)?.toISOString()).toBe('2003-02-07T12:00:00.000Z');
  });
});

describe('separatorDate', () => {
  it.each([
    ['From 1654953015393719153@xxx Mon Jan 06 04:49:45 +0000 2020', '2020-01-06T04:49:45.000Z'],
    ['From MAILER-DAEMON Sun Aug  7 11:40:37 2022 extra info', '2022-08-07T11:40:37.000Z'],
    ['From news@gmane.org Tue Mar 04 03:33:20 2003', '2003-03-04T03:33:20.000Z'],
    ['From - Sat Jan 03 12:30:00 2004', '2004-01-03T12:30:00.000Z'],
  ])('reads %s', (line, iso) => {
    expect(separatorDate(line)?.toISOString()).toBe(iso);
  });

  it('has no date for a separator without one', () => {
    expect(separatorDate('From corpus')).toBeNull();
  });
});

describe('parseEmail threading headers', () => {
  it('takes every <id> of References and In-Reply-To, whatever separates them', async () => {
    const email = await parse(
      'From: a@b.example\nReferences: <a@x>,<b@x>, <c@x>\n\t<d@x>\nIn-Reply-To: <d@x>,\n\nhi\n',
    );
    expect(email.references).toEqual(['a@x', 'b@x', 'c@x', 'd@x']);
    expect(email.inReplyTo).toBe('d@x');
  });

  it('keeps In-Reply-To when a comment follows the id', async () => {
    const email = await parse("From: a@b.example\nIn-Reply-To: <p@x> (Ann's message of Monday)\n\nhi\n");
    expect(email.inReplyTo).toBe('p@x');
  });
});

describe('identity of a message without Message-ID', () => {
  const message =
    'From: a@b.example\nSubject: Hello\nDate: Fri, 7 Feb 2003 18:38:06 +0200\n\nline one\nline two\n';

  it('is the same across line endings, trailing whitespace, trailing blank lines and store headers', async () => {
    const base = (await parse(message)).messageId;
    const variants = [
      message.replace(/\n/g, '\r\n'),
      `${message}\n\n`,
      message.replace('line one', 'line one   '),
      `Status: RO\nX-Gmail-Labels: Inbox,Opened\n${message}`,
      message.slice(0, -1),
    ];
    for (const variant of variants) expect((await parse(variant)).messageId).toBe(base);
    // The import time never enters it: parsing with another transport date changes nothing.
    expect((await parse(message, new Date())).messageId).toBe(base);
  });

  it('differs when the content differs', () => {
    expect(contentMessageId(Buffer.from(message))).not.toBe(
      contentMessageId(Buffer.from(message.replace('two', 'three'))),
    );
  });
});

describe('parseEmail bodies it used to lose or garble', () => {
  it('ends the header block at a line of spaces and records it', async () => {
    const email = await parse('From: a@b.example\nSubject: ws\n \nbody text here\nmore\n');
    expect(email.subject).toBe('ws');
    expect(email.textBody).toContain('body text here');
    expect(email.parseProblems.join()).toMatch(/header block/);
  });

  it('reads a multipart body whose boundary never appears, and records it', async () => {
    const email = await parse(
      'From: a@b.example\nContent-Type: multipart/mixed; boundary="abc"\n\n--xyz\nContent-Type: text/plain\n\nnot lost\n--xyz--\n',
    );
    expect(email.textBody).toContain('not lost');
    expect(email.parseProblems.join()).toMatch(/boundary/);
  });

  it('reads a part with no headers under a guessed boundary (found by the e2e spec)', async () => {
    const email = await parse(
      'From: a@b.example\r\nContent-Type: multipart/mixed; boundary="never-used"\r\n\r\n--other\r\n\r\nText that survived\r\n',
    );
    expect(email.textBody).toBe('Text that survived');
    expect(email.parseProblems.join()).toMatch(/boundary/);
  });

  it('decodes Latin-1 labelled us-ascii by detection instead of replacement characters', async () => {
    const raw = Buffer.concat([
      Buffer.from('From: a@b.example\nContent-Type: text/plain; charset=us-ascii\n\nla cl'),
      Buffer.from([0xe9]),
      Buffer.from(' ne marche pas\n'),
    ]);
    const email = await parse(raw);
    expect(email.textBody).toContain('la clé ne marche pas');
    expect(email.textBody).not.toContain('\uFFFD');
    expect(email.parseProblems).toHaveLength(1);
  });

  it('keeps plain text labelled base64 as the text it is', async () => {
    const email = await parse(
      'From: a@b.example\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\nThis is plain text, not base64 at all.\n',
    );
    expect(email.textBody).toContain('This is plain text, not base64 at all.');
    expect(email.parseProblems.join()).toMatch(/transfer encoding/);
  });

  it('records no problem for a clean message or an empty body', async () => {
    expect((await parse('From: a@b.example\nSubject: x\n\nhello\n')).parseProblems).toEqual([]);
    const empty = await parse('From: a@b.example\nSubject: nothing to say\n\n');
    expect(empty.parseProblems).toEqual([]);
    expect(empty.textBody).toBeNull();
  });
});
