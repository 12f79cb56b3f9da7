// How an import knows it has seen an input before. The ImportRun rows of existing databases hold
// fingerprints in two formats, so both stay exactly as they were: changing either would make every
// earlier import of that kind look new (a completed one would run again, a cut one restart from zero).
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

const HEAD_BYTES = 1024 * 1024;
const TAIL_BYTES = 64 * 1024;

export type FingerprintFormat =
  /**
   * By content only (an uploaded copy of the same export resumes the same run): the variant, the
   * size, the first MiB and the last 64 KiB. Used by the order and newsletter CSV imports.
   */
  | { by: 'content'; variant: string }
  /** By name, size and the first MiB, as the mbox import has always done. */
  | { by: 'name-and-head' };

export function fingerprintFile(
  file: string,
  format: FingerprintFormat,
): { fingerprint: string; size: number } {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const head = readAt(fd, 0, Math.min(size, HEAD_BYTES));
    if (format.by === 'name-and-head') {
      const hash = createHash('sha256').update(head).digest('hex').slice(0, 24);
      return { fingerprint: `${path.basename(file)}:${size}:${hash}`, size };
    }
    const tailLength = Math.min(size, TAIL_BYTES);
    const hash = createHash('sha256')
      .update(`${format.variant}\n${size}\n`)
      .update(head)
      .update(readAt(fd, size - tailLength, tailLength));
    return { fingerprint: hash.digest('hex'), size };
  } finally {
    closeSync(fd);
  }
}

/** An input held in memory (an uploaded chat export): all of its bytes, and its length. */
export function fingerprintBytes(content: Buffer): string {
  return `${createHash('sha256').update(content).digest('hex').slice(0, 32)}:${content.length}`;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  readSync(fd, buffer, 0, length, position);
  return buffer;
}
