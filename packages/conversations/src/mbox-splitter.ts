// Streaming mbox reader (mboxrd as Google Takeout writes it, LF or CRLF lines).
// Works on bytes so a message's offsets are exact: an import commits the offset where the next
// message starts, and a rerun after a crash continues from there.
import { createReadStream } from 'node:fs';

export type MboxMessage = {
  /** The message without its `From ` separator line, `>From ` unescaped. */
  raw: Buffer;
  /** The separator line, e.g. `From 1654953015393719153@xxx Mon Jan 06 04:49:45 +0000 2020`. */
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
      if (next < 0) break;
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

/** Offset of the `F` of the next line starting with `From ` at or after `from`, or -1. */
function findSeparator(buf: Buffer, from: number): number {
  const at = buf.indexOf(SEPARATOR, Math.max(0, from - 1));
  return at < 0 ? -1 : at + 1;
}

function toMessage(bytes: Buffer, start: number): MboxMessage | null {
  const lineEnd = bytes.indexOf(0x0a);
  const firstLine = bytes.subarray(0, lineEnd < 0 ? bytes.length : lineEnd).toString('latin1');
  if (!firstLine.startsWith('From ')) {
    // Text before the first separator is not a message (a stray preamble); skip it.
    return null;
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

/** The date in a separator line (`From id@xxx Mon Jan 06 04:49:45 +0000 2020`), if it parses. */
export function separatorDate(separator: string): Date | null {
  const match = /^From \S+\s+(.+)$/.exec(separator);
  if (!match?.[1]) return null;
  const date = new Date(match[1]);
  return Number.isNaN(date.getTime()) ? null : date;
}
