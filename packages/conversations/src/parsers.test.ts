import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, toFtsQuery, toSegments } from './find-conversations.ts';
import { htmlToText } from './html-text.ts';
import { readMbox, separatorDate, unescapeFromLines } from './mbox-splitter.ts';
import { isReplySubject, normalizeMessageId, subjectKey } from './parse-email.ts';
import { parseTawkExport } from './parse-tawk.ts';

describe('readMbox', () => {
  it('splits CRLF mboxrd with exact offsets and unescapes one > from From lines', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mbox-'));
    const file = path.join(dir, 'a.mbox');
    const first =
      'From 1@xxx Mon Jan 06 04:49:45 +0000 2020\r\nSubject: a\r\n\r\n>From here\r\n>>From there\r\n\r\n';
    const second = 'From 2@xxx Mon Jan 06 04:49:46 +0000 2020\r\nSubject: b\r\n\r\nbody\r\n';
    writeFileSync(file, first + second);
    const messages = [];
    for await (const m of readMbox(file)) messages.push(m);
    expect(messages.map((m) => m.raw.toString())).toEqual([
      'Subject: a\r\n\r\nFrom here\r\n>From there\r\n',
      'Subject: b\r\n\r\nbody',
    ]);
    expect(messages.map((m) => [m.start, m.end])).toEqual([
      [0, first.length],
      [first.length, first.length + second.length],
    ]);
    const resumed = [];
    for await (const m of readMbox(file, first.length)) resumed.push(m.raw.toString());
    expect(resumed).toEqual(['Subject: b\r\n\r\nbody']);
    rmSync(dir, { recursive: true });
  });

  it('reads the separator date and leaves unescaped bodies alone', () => {
    expect(separatorDate('From 1654953015393719153@xxx Mon Jan 06 04:49:45 +0000 2020')?.toISOString()).toBe(
      '2020-01-06T04:49:45.000Z',
    );
    const body = Buffer.from('no escapes here');
    expect(unescapeFromLines(body)).toBe(body);
  });
});

describe('email helpers', () => {
  it.each([
    ['Re: Upgrade path', 'upgrade path', true],
    ['RE: Fwd: AW: Upgrade   path', 'upgrade path', true],
    ['[Keydesk] Re: Refund', 'refund', false],
    ['Fwd: hello', 'hello', false],
  ])('subjectKey(%s)', (subject, key, reply) => {
    expect(subjectKey(subject)).toBe(key);
    expect(isReplySubject(subject)).toBe(reply);
  });

  it('normalises Message-IDs', () => {
    expect(normalizeMessageId(' <abc@host> ')).toBe('abc@host');
  });

  it('turns HTML into searchable text without tags or script', () => {
    expect(
      htmlToText('<style>p{}</style><p>Caf&eacute; &amp; <b>tea</b></p><script>x()</script><p>&#8364;5</p>'),
    ).toBe('Café & tea\n€5');
  });
});

describe('search helpers', () => {
  it('quotes every user term so FTS5 syntax cannot break the query', () => {
    expect(toFtsQuery('license "key" OR (NEAR')).toBe('"license" "key" "OR" "NEAR"*');
    expect(toFtsQuery('  ** ')).toBeNull();
  });

  it('splits highlighted snippets into segments', () => {
    expect(toSegments('a \u0002key\u0003 b')).toEqual([
      { text: 'a ', hit: false },
      { text: 'key', hit: true },
      { text: ' b', hit: false },
    ]);
  });

  it('round-trips cursors and rejects junk', () => {
    expect(decodeCursor(encodeCursor({ at: 5, kind: 'email', id: 9 }))).toEqual({
      at: 5,
      kind: 'email',
      id: 9,
    });
    expect(decodeCursor('1;DROP')).toBeNull();
  });
});

describe('parseTawkExport', () => {
  it('accepts short and long field spellings', () => {
    const [chat] = parseTawkExport({
      chats: [
        {
          id: 'c1',
          visitor: { name: 'V', email: 'V@X.io' },
          messages: [
            { sender: { type: 'visitor', name: 'V' }, text: 'hi', time: '2025-01-01T00:00:00Z' },
            { sender: { t: 'a', n: 'Me' }, msg: 'hello', time: '2025-01-01T00:01:00Z' },
          ],
        },
      ],
    });
    expect(chat?.visitorEmail).toBe('v@x.io');
    expect(chat?.messages.map((m) => [m.senderType, m.senderName, m.text])).toEqual([
      ['visitor', 'V', 'hi'],
      ['agent', 'Me', 'hello'],
    ]);
  });
});
