// Streams a plain or gzip'd log as whole lines of text, from a byte position of the text on, and
// says after each piece of whole lines how many bytes of text lie behind it: the file position
// that is committed with the counters of those lines.
import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

/** A "line" longer than this is not a log line (a binary file, say): refused, never buffered whole. */
export const MAX_LINE_BYTES = 1 << 20;

export type ReadLogLinesOptions = {
  file: string;
  isGzip: boolean;
  /** Bytes of text already taken by an earlier import: skipped unread (plain) or unparsed (gzip). */
  startAt: number;
  onLine: (text: string) => void;
  /**
   * The first line when the earlier import ended inside a line (a last line without its newline):
   * `text` is what follows that cut, "" when the line was whole after all.
   */
  onRestOfCutLine: (text: string) => void;
  onOverlongLine: () => void;
  /** After a piece of whole lines: `offset` = bytes of text up to and including its last newline. */
  onPiece: (offset: number) => void;
  onRawBytes: (bytes: number) => void;
};

export type ReadLogLinesResult = {
  /** Bytes of text read through the last line (an unterminated last line included). */
  offset: number;
  /** Bytes of text in the file (as far as it could be read). */
  textLength: number;
  truncated: boolean;
  error: string | null;
};

/**
 * Whole lines of bytes → text. Logs are ASCII almost always (servers escape other bytes as \xHH), and
 * for ASCII latin1 decoding gives the same string as UTF-8 at a tenth of the cost; a piece with other
 * bytes is decoded as UTF-8. It ends at a newline, so no character is ever cut in two.
 */
function decodeLines(bytes: Buffer): string {
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

async function byteAt(file: string, position: number): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const one = Buffer.alloc(1);
    const { bytesRead } = await handle.read(one, 0, 1, position);
    return bytesRead === 1 ? (one[0] ?? -1) : -1;
  } finally {
    await handle.close();
  }
}

export async function readLogLines(options: ReadLogLinesOptions): Promise<ReadLogLinesResult> {
  const { file, isGzip, startAt } = options;
  let before = startAt > 0 && !isGzip ? await byteAt(file, startAt - 1) : 10;
  const raw = createReadStream(file, { highWaterMark: 1 << 20, start: isGzip ? 0 : startAt });
  raw.on('data', (chunk) => options.onRawBytes(chunk.length));
  const input = isGzip ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw;
  raw.on('error', (err) => input.destroy(err));

  let skip = isGzip ? startAt : 0;
  let offset = startAt;
  let seen = isGzip ? 0 : startAt; // bytes of text that reached this reader
  let rest: Buffer | null = null;
  let overlong = false;
  // The first line goes through a check of the byte before it; every later one straight on.
  let emit = (text: string) => {
    emit = options.onLine;
    if (startAt > 0 && before !== 10) options.onRestOfCutLine(text);
    else options.onLine(text);
  };
  const handleText = (text: string) => {
    let start = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
      emit(text.slice(start, newline));
      start = newline + 1;
    }
  };
  let truncated = false;
  let error: string | null = null;
  try {
    for await (let chunk of input as AsyncIterable<Buffer>) {
      seen += chunk.length;
      if (skip > 0) {
        if (chunk.length <= skip) {
          skip -= chunk.length;
          before = chunk[chunk.length - 1] ?? before;
          continue;
        }
        before = chunk[skip - 1] ?? before;
        chunk = chunk.subarray(skip);
        skip = 0;
      }
      let from = 0;
      if (rest || overlong) {
        // The line cut at the last read ends in this chunk: join just that line's bytes.
        const newline = chunk.indexOf(10);
        if (newline < 0) {
          if (!overlong && rest && rest.length + chunk.length > MAX_LINE_BYTES) {
            overlong = true;
            offset += rest.length;
            rest = null;
          }
          if (overlong) offset += chunk.length;
          else rest = Buffer.concat([rest ?? Buffer.alloc(0), chunk]);
          continue;
        }
        if (overlong) {
          options.onOverlongLine();
          offset += newline + 1;
          overlong = false;
        } else if (rest) {
          const joined = Buffer.concat([rest, chunk.subarray(0, newline + 1)]);
          handleText(decodeLines(joined));
          offset += joined.length;
          rest = null;
        }
        from = newline + 1;
      }
      const lastNewline = chunk.lastIndexOf(10);
      if (lastNewline >= from) {
        handleText(decodeLines(chunk.subarray(from, lastNewline + 1)));
        offset += lastNewline + 1 - from;
      }
      const tail = Math.max(from, lastNewline + 1);
      if (tail < chunk.length) {
        if (chunk.length - tail > MAX_LINE_BYTES) {
          overlong = true;
          offset += chunk.length - tail;
        } else rest = Buffer.from(chunk.subarray(tail));
      }
      options.onPiece(offset);
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (isGzip && (e.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(e.message))) {
      truncated = true;
      error =
        'The .gz file is truncated: it ends before its compressed data does. Lines before the cut were counted.';
    } else error = `Reading stopped: ${e.message}`;
  }
  // The last line without a newline is read too: a rotated log may lack the final newline.
  if (overlong) options.onOverlongLine();
  else if (rest) {
    emit(rest.toString('utf8'));
    offset += rest.length;
  }
  return {
    offset,
    textLength: seen,
    truncated,
    error,
  };
}
