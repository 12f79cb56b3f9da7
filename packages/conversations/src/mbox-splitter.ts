// Streaming mbox reader: mboxrd as Google Takeout writes it, classic mboxo, LF or CRLF lines.
// Works on bytes so a message's offsets are exact: an import commits the offset where the next
// message starts, and a rerun after a crash continues from there.
//
// Where a message starts: mboxo writers leave `From ` lines inside bodies unescaped, so a line that
// starts with `From ` separates messages only when the line after it looks like a header
// (`Name: value`) and either an empty line comes before it (one that does not close a MIME part's
// `Content-…` headers) or it reads like an envelope line (`From sender Www Mmm dd hh:mm…`) with no
// empty line before it. Everything else is body text.
import { createReadStream } from 'node:fs';

export type MboxMessage = {
  /** The message without its `From ` separator line, `>From ` unescaped. */
  raw: Buffer;
  /**
   * The separator line, e.g. `From 1654953015393719153@xxx Mon Jan 06 04:49:45 +0000 2020`; empty
   * for text before the first separator (a single message file, or junk the importer refuses).
   */
  separator: string;
  /** Byte offset of the separator line. */
  start: number;
  /** Byte offset just past the message (where the next separator starts). */
  end: number;
};

const SEPARATOR = Buffer.from('\nFrom ');
const CHUNK_BYTES = 1 << 20;

/**
 * Yields every message from `startOffset` (which must be 0 or a separator offset) to the end.
 * Memory stays at about one chunk plus the largest message, whatever the file's size.
 */
export async function* readMbox(file: string, startOffset = 0): AsyncGenerator<MboxMessage> {
  let pending: Buffer = Buffer.alloc(0);
  let pendingStart = startOffset; // file offset of pending[0]
  const stream = createReadStream(file, { start: startOffset, highWaterMark: CHUNK_BYTES });
  for await (const chunk of stream) {
    pending = pending.length === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer]);
    // A message ends where the next separator starts; keep the last (maybe unfinished) one.
    let from = 0;
    for (;;) {
      const next = findSeparator(pending, from + 1);
      if (next < 0) break; // none yet, or one whose next line is still to be read
      if (from < next) {
        const message = toMessage(pending.subarray(from, next), pendingStart + from);
        if (message) yield message;
      }
      from = next;
    }
    if (from > 0) {
      pending = Buffer.from(pending.subarray(from));
      pendingStart += from;
    }
  }
  if (pending.length > 0) {
    const message = toMessage(pending, pendingStart);
    if (message) yield message;
  }
}

/**
 * Offset of the `F` of the next separator at or after `from`, -1 when there is none, or -2 when a
 * candidate's next line is not in the buffer yet (read more, then look again).
 */
function findSeparator(buf: Buffer, from: number): number {
  let at = buf.indexOf(SEPARATOR, Math.max(0, from - 1));
  while (at >= 0) {
    const verdict = isSeparatorAt(buf, at + 1);
    if (verdict === 'yes') return at + 1;
    if (verdict === 'more') return -2;
    at = buf.indexOf(SEPARATOR, at + 1);
  }
  return -1;
}

const ENVELOPE = /^From \S+ +[A-Z][a-z]{2},? +[A-Z0-9][a-z0-9]{1,2} +\d{1,2} +\d{1,2}:\d\d/;
/** `From  : Ann <a@b>`, RFC 822's obsolete spacing: a header, not an envelope line. */
const OBSOLETE_FROM_HEADER = /^From[ \t]+:/;
const HEADER_LINE = /^[!-9;-~]+[ \t]*:/;

function isSeparatorAt(buf: Buffer, start: number): 'yes' | 'no' | 'more' {
  const lineEnd = buf.indexOf(0x0a, start);
  if (lineEnd < 0) return 'more';
  const nextEnd = buf.indexOf(0x0a, lineEnd + 1);
  if (nextEnd < 0) return 'more';
  const next = buf.subarray(lineEnd + 1, Math.min(nextEnd, lineEnd + 201)).toString('latin1');
  if (!HEADER_LINE.test(next)) return 'no';
  if (OBSOLETE_FROM_HEADER.test(buf.subarray(start, start + 16).toString('latin1'))) return 'no';
  if (start < 2) return 'yes';
  const blankAt =
    buf[start - 2] === 0x0a ? start - 2 : buf[start - 2] === 0x0d && buf[start - 3] === 0x0a ? start - 3 : -1;
  if (blankAt >= 0) return followsPartHeaders(buf, blankAt) ? 'no' : 'yes';
  const line = buf.subarray(start, Math.min(lineEnd, start + 200)).toString('latin1');
  return ENVELOPE.test(line) ? 'yes' : 'no';
}

/**
 * Whether the blank line at `blankAt` closes a MIME part's header block (`Content-…`, folded lines
 * skipped): then the `From ` line after it starts a forwarded message/rfc822 part written by a
 * mailer that does not escape, not a new message (a message's end is followed by its own blank
 * line and the writer's one more).
 */
function followsPartHeaders(buf: Buffer, blankAt: number): boolean {
  let end = blankAt - 1; // the '\n' that ends the line before the blank one
  for (let lines = 0; lines < 12 && end > 0; lines++) {
    const start = buf.lastIndexOf(0x0a, end - 1) + 1;
    const line = buf.subarray(start, Math.min(end, start + 200)).toString('latin1');
    if (/^[ \t]+\S/.test(line)) {
      end = start - 1;
      continue;
    }
    return /^content-[a-z-]+[ \t]*:/i.test(line);
  }
  return false;
}

function toMessage(bytes: Buffer, start: number): MboxMessage | null {
  const lineEnd = bytes.indexOf(0x0a);
  const firstLine = bytes.subarray(0, lineEnd < 0 ? bytes.length : lineEnd).toString('latin1');
  if (!firstLine.startsWith('From ') || OBSOLETE_FROM_HEADER.test(firstLine)) {
    // Text before the first separator: a lone message (an .eml) or junk, which the importer
    // refuses with its offset. Blank space alone is nothing.
    if (bytes.toString('latin1').trim() === '') return null;
    return {
      raw: unescapeFromLines(trimTrailingNewline(bytes)),
      separator: '',
      start,
      end: start + bytes.length,
    };
  }
  let body = lineEnd < 0 ? Buffer.alloc(0) : bytes.subarray(lineEnd + 1);
  body = trimTrailingNewline(body);
  return {
    raw: unescapeFromLines(body),
    separator: firstLine.replace(/\r$/, ''),
    start,
    end: start + bytes.length,
  };
}

// mbox puts one blank line between messages; it is not part of the message.
function trimTrailingNewline(body: Buffer): Buffer {
  let end = body.length;
  if (end > 0 && body[end - 1] === 0x0a) end--;
  if (end > 0 && body[end - 1] === 0x0d) end--;
  return body.subarray(0, end);
}

const ESCAPED = Buffer.from('>From ');

/** mboxrd: a line matching `^>+From ` lost one `>` when it was written; give it back. */
export function unescapeFromLines(body: Buffer): Buffer {
  if (body.indexOf(ESCAPED) < 0) return body;
  const text = body.toString('latin1'); // byte-preserving
  return Buffer.from(text.replace(/^>(>*From )/gm, '$1'), 'latin1');
}

/**
 * The date in a separator line: asctime as mbox writes it (`Mon Jan 06 04:49:45 +0000 2020`,
 * `Sun Aug  7 11:40:37 2022 extra info`), or an RFC 5322 date; null when it has none.
 */
export function separatorDate(separator: string): Date | null {
  const asctime =
    /\b([A-Z][a-z]{2}) +(\d{1,2}) +(\d{1,2}:\d\d(?::\d\d)?) +(?:([+-]\d{4}|[A-Z]{1,5}) +)?(\d{4})\b/.exec(
      separator,
    );
  if (asctime) {
    const [, month, day, time, zone, year] = asctime;
    const at = Date.parse(`${day} ${month} ${year} ${time} ${zone ?? '+0000'}`);
    if (!Number.isNaN(at)) return new Date(at);
  }
  const rest = /^From \S+\s+(.+)$/.exec(separator)?.[1];
  if (!rest || !/\d{1,2}:\d\d/.test(rest)) return null;
  const at = Date.parse(rest.replace(/\([^()]*\)/g, ' '));
  return Number.isNaN(at) ? null : new Date(at);
}
