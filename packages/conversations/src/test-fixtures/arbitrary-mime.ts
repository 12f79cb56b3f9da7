// fast-check arbitraries for raw MIME messages as real senders write them, right and wrong:
// multipart nesting, forwarded message/rfc822 parts, charsets (and wrong charset labels), every
// transfer encoding (and plain text labelled base64), missing or odd headers, a header block that
// ends with a line of spaces, a boundary that never appears, and `From ` lines inside bodies.
// Each text part carries marker words so a test can look for them in what was stored.
import fc from 'fast-check';

export type GeneratedMessage = {
  raw: Buffer;
  /** ASCII words that must be findable in what is stored, whatever went wrong. */
  asciiMarkers: string[];
  /** Words with accented letters: findable, or the message must carry a recorded parse problem. */
  accentedMarkers: string[];
};

type Charset = 'utf-8' | 'iso-8859-1' | 'us-ascii' | 'windows-1252';
type Encoding = '7bit' | '8bit' | 'quoted-printable' | 'base64';

type Leaf = {
  kind: 'leaf';
  html: boolean;
  words: string[];
  accented: string[];
  charset: Charset;
  /** The label written, which may lie about `charset`; null writes no charset parameter. */
  label: Charset | null;
  encoding: Encoding;
  /** The part says base64 but its body is written as it is. */
  fakeBase64: boolean;
  fromLine: boolean;
  /** No part headers at all: MIME's default, plain text, with the body right after the blank line. */
  bare: boolean;
};
type Multi = {
  kind: 'multi';
  subtype: 'mixed' | 'alternative' | 'related';
  parts: Node[];
  badBoundary: boolean;
};
type Forward = { kind: 'forward'; inner: Node };
type Node = Leaf | Multi | Forward;

const word = fc.stringMatching(/^[a-z]{3,8}$/).map((w) => `m${w}q`);
const accentedWord = fc.stringMatching(/^[a-z]{3,6}$/).map((w) => `é${w}ü`);

const leaf = (forwarded: boolean): fc.Arbitrary<Leaf> =>
  fc
    .record({
      html: fc.boolean(),
      words: fc.array(word, { minLength: 1, maxLength: 4 }),
      accented: fc.array(accentedWord, { maxLength: 2 }),
      charset: fc.constantFrom<Charset>('utf-8', 'iso-8859-1', 'windows-1252'),
      label: fc.constantFrom<Charset | null>('utf-8', 'iso-8859-1', 'us-ascii', 'windows-1252', null),
      // Forwarded messages are kept as attachments, byte for byte: base64 or quoted-printable
      // inside them would hide the markers from a search of those bytes.
      encoding: forwarded
        ? fc.constantFrom<Encoding>('7bit', '8bit')
        : fc.constantFrom<Encoding>('7bit', '8bit', 'quoted-printable', 'base64'),
      fakeBase64: forwarded ? fc.constant(false) : fc.boolean(),
      fromLine: fc.boolean(),
      bare: fc.boolean(),
    })
    .map((l) => ({ kind: 'leaf' as const, ...l }));

const node = (forwarded: boolean): fc.Arbitrary<Node> =>
  fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf(forwarded),
      fc.record({
        kind: fc.constant('multi' as const),
        subtype: fc.constantFrom<'mixed' | 'alternative' | 'related'>('mixed', 'alternative', 'related'),
        parts: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
        badBoundary: fc.boolean(),
      }),
      forwarded ? leaf(true) : fc.record({ kind: fc.constant('forward' as const), inner: node(true) }),
    ),
  })).node;

type Headers = {
  from: 'plain' | 'named' | 'missing';
  date: 'valid' | 'garbage' | 'missing';
  messageId: boolean;
  wsEnd: boolean;
};

const headers = fc.record<Headers>({
  from: fc.constantFrom('plain', 'named', 'missing'),
  date: fc.constantFrom('valid', 'garbage', 'missing'),
  messageId: fc.boolean(),
  wsEnd: fc.boolean(),
});

export const arbitraryMessage: fc.Arbitrary<GeneratedMessage> = fc
  .tuple(headers, node(false), fc.stringMatching(/^[a-z0-9]{10}$/))
  .map(([h, root, id]) => {
    const collected = { ascii: [] as string[], accented: [] as string[] };
    const lines = [`Subject: generated ${id}`];
    if (h.from === 'plain') lines.push('From: ann@example.com');
    if (h.from === 'named') lines.push('From: "Ann Example" <ann@example.com>');
    if (h.date === 'valid') lines.push('Date: Tue, 11 Sep 2001 00:05:05 -0400');
    if (h.date === 'garbage') lines.push('Date: sometime soon');
    if (h.messageId) lines.push(`Message-ID: <${id}@example.com>`);
    lines.push('MIME-Version: 1.0');
    const entity = render(root, collected, id);
    const head = [...lines, ...entity.headers].join('\n');
    const raw = Buffer.concat([Buffer.from(`${head}\n${h.wsEnd ? ' ' : ''}\n`, 'latin1'), entity.body]);
    return { raw, asciiMarkers: collected.ascii, accentedMarkers: collected.accented };
  });

type Entity = { headers: string[]; body: Buffer };
type Collected = { ascii: string[]; accented: string[] };

function render(n: Node, collected: Collected, id: string): Entity {
  if (n.kind === 'forward') {
    const inner = render(n.inner, collected, `${id}f`);
    const head = [`Subject: forwarded ${id}`, 'From: bob@example.org', ...inner.headers].join('\n');
    return {
      headers: ['Content-Type: message/rfc822'],
      body: Buffer.concat([Buffer.from(`${head}\n\n`, 'latin1'), inner.body]),
    };
  }
  if (n.kind === 'multi') {
    const boundary = `b-${id}-${Math.abs(hash(JSON.stringify(n))).toString(36)}`;
    const used = n.badBoundary ? `${boundary}-other` : boundary;
    const chunks: Buffer[] = [Buffer.from('This is a multi-part message in MIME format.\n')];
    n.parts.forEach((part, i) => {
      const child = render(part, collected, `${id}${i}`);
      const head = child.headers.length > 0 ? `${child.headers.join('\n')}\n` : '';
      chunks.push(Buffer.from(`\n--${used}\n${head}\n`, 'latin1'), child.body);
    });
    chunks.push(Buffer.from(`\n--${used}--\n`));
    return {
      headers: [`Content-Type: multipart/${n.subtype}; boundary="${boundary}"`],
      body: Buffer.concat(chunks),
    };
  }
  collected.ascii.push(...n.words);
  // Accented words only where the bytes can carry them; us-ascii as the real charset cannot.
  collected.accented.push(...n.accented);
  // Sentences, as people write: a body of one word in base64's alphabet, with a length divisible
  // by four, is valid base64 and cannot be told from it (a known limit, not generated here).
  const sentence = `${[...n.words, ...n.accented].join(' ')}, thanks.`;
  const text = n.html
    ? `<html><body><p>${sentence}</p>${n.fromLine ? '<p>\nFrom the desk of Ann</p>' : ''}</body></html>`
    : `${sentence}\n${n.fromLine ? '\nFrom the desk of Ann, with thanks.\n' : ''}`;
  const bytes = n.charset === 'utf-8' ? Buffer.from(text, 'utf8') : Buffer.from(text, 'latin1');
  if (n.bare && !n.html) return { headers: [], body: bytes };
  const type = n.html ? 'text/html' : 'text/plain';
  const partHeaders = [`Content-Type: ${type}${n.label ? `; charset=${n.label}` : ''}`];
  if (n.fakeBase64) {
    partHeaders.push('Content-Transfer-Encoding: base64');
    return { headers: partHeaders, body: bytes };
  }
  partHeaders.push(`Content-Transfer-Encoding: ${n.encoding}`);
  const body =
    n.encoding === 'base64'
      ? Buffer.from(`${(bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\n')}\n`)
      : n.encoding === 'quoted-printable'
        ? encodeQuotedPrintable(bytes)
        : bytes;
  return { headers: partHeaders, body };
}

function encodeQuotedPrintable(bytes: Buffer): Buffer {
  let out = '';
  for (const byte of bytes) {
    if (byte === 0x0a) out += '\n';
    else if (byte === 0x3d || byte > 0x7e || (byte < 0x20 && byte !== 0x09)) {
      out += `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    } else out += String.fromCharCode(byte);
  }
  return Buffer.from(out, 'latin1');
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}

/** An mbox of the messages: mboxrd escapes `From ` lines in bodies, mboxo (classic) leaves them. */
export function writeMboxFile(messages: GeneratedMessage[], dialect: 'mboxrd' | 'mboxo'): Buffer {
  const parts = messages.map((m) => {
    let body = m.raw.toString('latin1');
    if (dialect === 'mboxrd') body = body.replace(/^(>*From )/gm, '>$1');
    return `From ann@example.com Tue Sep 11 04:05:05 2001\n${body}${body.endsWith('\n') ? '' : '\n'}\n`;
  });
  return Buffer.from(parts.join(''), 'latin1');
}
