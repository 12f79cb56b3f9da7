// Proves an erasure: scans database files (and backups) byte by byte for a person's name, emails,
// phone, postal address and IP in every encoding a stored text may carry them: plain UTF-8,
// without diacritics (as FTS5 tokenizers keep them), latin1, UTF-16, form-encoded (%40, +),
// JSON-escaped (\u00e9), HTML entities, quoted-printable / MIME Q words, and base64 at every
// alignment (MIME B words, base64 bodies). Reads in chunks, so large files use constant memory.
import { closeSync, existsSync, openSync, readSync } from 'node:fs';

export type PersonToFind = {
  name: string;
  emails: string[];
  phone?: string | null;
  postalAddress?: (string | null)[];
  ip?: string | null;
};

export type PersonalDataFinding = { file: string; offset: number; term: string; encoding: string };

type Needle = { term: string; encoding: string; bytes: Buffer; isCaseSensitive: boolean };

const CHUNK = 4 * 1024 * 1024;
const MIN_TERM = 3;
const MIN_BASE64_NEEDLE = 6;
const LATIN1_NAMED = new Map<number, string>([
  [0xe9, 'eacute'],
  [0xe8, 'egrave'],
  [0xeb, 'euml'],
  [0xe4, 'auml'],
  [0xf6, 'ouml'],
  [0xfc, 'uuml'],
  [0xdf, 'szlig'],
  [0xe7, 'ccedil'],
  [0xc9, 'Eacute'],
  [0xe1, 'aacute'],
  [0xf3, 'oacute'],
  [0xf1, 'ntilde'],
]);

const stripDiacritics = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');
const hex = (byte: number) => byte.toString(16).toUpperCase().padStart(2, '0');

function termsOf(person: PersonToFind): string[] {
  const terms = new Set<string>();
  const add = (t: string | null | undefined) => {
    const trimmed = t?.trim();
    if (trimmed && trimmed.length >= MIN_TERM) terms.add(trimmed);
  };
  add(person.name);
  for (const word of person.name.split(/[\s,.'-]+/)) add(word);
  for (const email of person.emails) {
    add(email);
    add(email.split('@')[0]);
  }
  add(person.phone);
  const phoneDigits = person.phone?.replace(/\D/g, '') ?? '';
  if (phoneDigits.length >= 7) add(phoneDigits);
  for (const line of person.postalAddress ?? []) add(line);
  add(person.ip);
  return [...terms];
}

function encodingsOf(term: string): Needle[] {
  const out: Needle[] = [];
  const push = (encoding: string, bytes: Buffer, isCaseSensitive = false) => {
    if (bytes.length >= MIN_TERM && !out.some((n) => n.bytes.equals(bytes)))
      out.push({ term, encoding, bytes, isCaseSensitive });
  };
  const utf8 = Buffer.from(term);
  const chars = [...term];
  push('utf-8', utf8);
  // The search folds ASCII case only: upper- and lower-case forms catch "ZOË" and "zoë" too.
  push('utf-8', Buffer.from(term.toUpperCase()));
  push('utf-8', Buffer.from(term.toLowerCase()));
  push('without diacritics', Buffer.from(stripDiacritics(term)));
  if (chars.every((c) => (c.codePointAt(0) ?? 0) <= 0xff)) push('latin1', Buffer.from(term, 'latin1'));
  push('utf-16', Buffer.from(term, 'utf16le'));
  push('form-encoded', Buffer.from(encodeURIComponent(term)));
  push('form-encoded', Buffer.from(encodeURIComponent(term).replace(/%20/g, '+')));
  const jsonEscape = (c: string) =>
    (c.codePointAt(0) ?? 0) > 0x7e
      ? [...Array(c.length).keys()].map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join('')
      : c;
  push('json-escaped', Buffer.from(chars.map(jsonEscape).join('')));
  push('json-escaped', Buffer.from(chars.map(jsonEscape).join('').replace(/@/g, '\\u0040')));
  const entity = (c: string, style: 'dec' | 'hex' | 'named') => {
    const code = c.codePointAt(0) ?? 0;
    if (code < 0x80 && c !== '@') return c;
    if (style === 'named' && LATIN1_NAMED.has(code)) return `&${LATIN1_NAMED.get(code)};`;
    return style === 'hex' ? `&#x${code.toString(16)};` : `&#${code};`;
  };
  for (const style of ['dec', 'hex', 'named'] as const)
    push('html entities', Buffer.from(chars.map((c) => entity(c, style)).join('')));
  const qp = [...utf8].map((b) => (b > 0x7e || b === 0x3d ? `=${hex(b)}` : String.fromCharCode(b))).join('');
  push('quoted-printable', Buffer.from(qp));
  push('mime Q word', Buffer.from(qp.replace(/ /g, '_')));
  for (let align = 0; align < 3; align++) {
    // Base64 of the term after `align` unknown bytes: drop the characters those bytes (and the
    // unknown bytes after the term) touch.
    const bytes = Buffer.concat([Buffer.alloc(align), utf8]);
    const whole = bytes.subarray(0, bytes.length - (bytes.length % 3));
    const encoded = whole.toString('base64').slice(align === 0 ? 0 : align + 1);
    if (encoded.length >= MIN_BASE64_NEEDLE) push(`base64 (offset ${align})`, Buffer.from(encoded), true);
  }
  return out;
}

/** Every encoding searched for, for tests that first prove the scan can see the data. */
export function personalDataNeedles(
  person: PersonToFind,
): { term: string; encoding: string; text: string }[] {
  return termsOf(person)
    .flatMap(encodingsOf)
    .map((n) => ({ term: n.term, encoding: n.encoding, text: n.bytes.toString('latin1') }));
}

function lowerAscii(source: Buffer, length: number, target: Buffer): void {
  for (let i = 0; i < length; i++) {
    const b = source[i] as number;
    target[i] = b >= 0x41 && b <= 0x5a ? b + 0x20 : b;
  }
}

function scanFile(file: string, needles: Needle[], findings: PersonalDataFinding[]): void {
  const overlap = Math.max(...needles.map((n) => n.bytes.length));
  const buffer = Buffer.alloc(CHUNK + overlap);
  const lowered = Buffer.alloc(CHUNK + overlap);
  const fd = openSync(file, 'r');
  try {
    let carry = 0;
    let position = 0;
    for (;;) {
      const read = readSync(fd, buffer, carry, CHUNK, position);
      const length = carry + read;
      const base = position - carry;
      position += read;
      lowerAscii(buffer, length, lowered);
      for (const needle of needles) {
        const haystack = (needle.isCaseSensitive ? buffer : lowered).subarray(0, length);
        for (let at = haystack.indexOf(needle.bytes); at >= 0; at = haystack.indexOf(needle.bytes, at + 1)) {
          // A match wholly inside the carried overlap was reported by the previous chunk.
          if (carry > 0 && at + needle.bytes.length <= carry) continue;
          findings.push({ file, offset: base + at, term: needle.term, encoding: needle.encoding });
        }
      }
      if (read < CHUNK) break;
      buffer.copy(buffer, 0, length - overlap, length);
      carry = overlap;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Every place one of the person's details survives in `files` (a database path means the file,
 * its -wal and -journal; a list is scanned as given, e.g. with backups). Empty means erased.
 */
export function scanForPersonalData(files: string | string[], person: PersonToFind): PersonalDataFinding[] {
  const list = typeof files === 'string' ? [files, `${files}-wal`, `${files}-journal`] : files;
  const needles = termsOf(person)
    .flatMap(encodingsOf)
    .map((n) => {
      if (n.isCaseSensitive) return n;
      const bytes = Buffer.alloc(n.bytes.length);
      lowerAscii(n.bytes, n.bytes.length, bytes);
      return { ...n, bytes };
    });
  const findings: PersonalDataFinding[] = [];
  for (const file of list) if (existsSync(file)) scanFile(file, needles, findings);
  return findings;
}
