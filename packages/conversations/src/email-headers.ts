// Reading the raw header lines that mailparser gets wrong for real mail: dates (it substitutes the
// current time for an unparsable Date), References / In-Reply-To (it splits only on spaces, so
// `<a>,<b>` stays one id), and the content identity of a message that has no Message-ID.
import { createHash } from 'node:crypto';

export type HeaderLine = { key: string; line: string };

/** The unfolded value of a raw `Name: value` line. */
export function headerLineValue(line: string): string {
  const colon = line.indexOf(':');
  return (colon < 0 ? '' : line.slice(colon + 1)).replace(/\r?\n[ \t]+/g, ' ').trim();
}

/** RFC 5322 dates as real mail writes them: comments dropped, obsolete zones left to Date.parse. */
export function parseMailDate(value: string): Date | null {
  const cleaned = value
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '' || !/\d/.test(cleaned)) return null;
  const at = Date.parse(cleaned);
  return Number.isNaN(at) ? null : new Date(at);
}

/**
 * The message's date: its Date header, else the newest `Received:` timestamp (when the last server
 * took it), else null for the caller's transport date (mbox envelope, IMAP INTERNALDATE).
 */
export function dateFromHeaders(lines: readonly HeaderLine[]): Date | null {
  let newestReceived: Date | null = null;
  for (const { key, line } of lines) {
    if (key === 'date') {
      const date = parseMailDate(headerLineValue(line));
      if (date) return date;
    } else if (key === 'received') {
      const value = headerLineValue(line);
      const semicolon = value.lastIndexOf(';');
      const date = semicolon < 0 ? null : parseMailDate(value.slice(semicolon + 1));
      if (date && (!newestReceived || date > newestReceived)) newestReceived = date;
    }
  }
  return newestReceived;
}

/** Every `<…>` token of References / In-Reply-To, whatever separates them (spaces, commas, none). */
export function messageIdTokens(value: string): string[] {
  const ids: string[] = [];
  for (const match of value.matchAll(/<([^<>]+)>/g)) {
    const id = (match[1] ?? '').trim();
    if (id !== '') ids.push(id);
  }
  if (ids.length > 0) return ids;
  // No angle brackets at all: clients that write bare ids still separate them somehow.
  return value.split(/[\s,]+/).filter((id) => id.includes('@'));
}

export function firstHeaderValue(lines: readonly HeaderLine[], key: string): string | null {
  const line = lines.find((l) => l.key === key);
  return line ? headerLineValue(line.line) : null;
}

// Headers mail stores add on their own (mbox writers, Gmail Takeout, mail clients): the same message
// exported twice differs in them, so they are not part of its identity.
const STORE_HEADERS =
  /^(status|x-status|x-keywords|x-uid|x-mozilla-status2?|content-length|lines|x-gmail-labels|x-gm-thrid|x-imapbase|x-imap)$/i;

/**
 * A stable id for a message with no Message-ID: a hash of its headers and body with line endings,
 * trailing whitespace, trailing blank lines and store-added headers normalised away. It never
 * includes the import time, so the same message in two files is stored once.
 */
export function contentMessageId(raw: Buffer): string {
  const text = raw.toString('latin1');
  const lines = text.split(/\r?\n/);
  const hash = createHash('sha256');
  let inHeaders = true;
  let skippingHeader = false;
  let pendingBlank = 0;
  for (const rawLine of lines) {
    const line = rawLine.replace(/[ \t\r]+$/, '');
    if (inHeaders) {
      if (line === '') {
        inHeaders = false;
        hash.update('\n');
        continue;
      }
      if (/^[ \t]/.test(rawLine)) {
        if (!skippingHeader) hash.update(` ${line.trim()}`);
        continue;
      }
      const name = line.slice(0, Math.max(0, line.indexOf(':')));
      skippingHeader = STORE_HEADERS.test(name.trim());
      if (!skippingHeader)
        hash.update(`\n${name.trim().toLowerCase()}:${line.slice(name.length + 1).trim()}`);
      continue;
    }
    // Blank lines count only when text follows them: trailing ones are mbox framing.
    if (line === '') {
      pendingBlank++;
      continue;
    }
    hash.update('\n'.repeat(pendingBlank + 1));
    pendingBlank = 0;
    hash.update(line);
  }
  return `${hash.digest('hex').slice(0, 32)}@keydesk.synthesized`;
}
