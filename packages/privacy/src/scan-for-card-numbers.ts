// Scans a SQLite database's files byte by byte (main file, -wal and -journal) for anything that is
// a card number, in any of the encodings redaction knows (find-card-numbers.ts): the final check
// that no write path forgot to redact. Reads in chunks, so a large database is scanned in
// constant memory.
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { findCardNumbers, MAX_CARD_SPAN } from './find-card-numbers.ts';

export type CardNumberFinding = { file: string; offset: number; masked: string };

const CHUNK = 4 * 1024 * 1024;
// Chunks overlap by two margins. Each chunk reports only numbers starting at least one margin
// from a cut, where everything the number (and the chain it sits in) could span was read whole.
const MARGIN = MAX_CARD_SPAN;
const OVERLAP = 2 * MARGIN;

/** Card numbers in one file; `chunkBytes` is for tests of the chunk boundaries. */
export function scanFileForCardNumbers(file: string, chunkBytes = CHUNK): CardNumberFinding[] {
  const findings: CardNumberFinding[] = [];
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(chunkBytes + OVERLAP);
    let carry = 0;
    let position = 0;
    for (let isFirst = true; ; isFirst = false) {
      const read = readSync(fd, buffer, carry, chunkBytes, position);
      const base = position - carry;
      position += read;
      const length = carry + read;
      const isLast = read < chunkBytes;
      if (read > 0 || !isFirst) {
        // latin1 maps each byte to one character, so offsets stay byte offsets; UTF-8 sequences
        // are decoded by the scan itself.
        const text = buffer.toString('latin1', 0, length);
        const low = isFirst ? 0 : MARGIN;
        const high = isLast ? length : length - MARGIN;
        for (const span of findCardNumbers(text, { isByteScan: true })) {
          if (span.start < low || span.start >= high) continue;
          findings.push({
            file,
            offset: base + span.start,
            masked: `${span.digits.slice(0, 4)}…${span.digits.slice(-2)}`,
          });
        }
      }
      if (isLast) break;
      buffer.copy(buffer, 0, length - OVERLAP, length);
      carry = OVERLAP;
    }
  } finally {
    closeSync(fd);
  }
  return findings;
}

/** Every Luhn-valid, brand-shaped card number in the database file and its WAL; empty means clean. */
export function scanForCardNumbers(dbFile: string): CardNumberFinding[] {
  const findings: CardNumberFinding[] = [];
  for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-journal`]) {
    if (existsSync(file)) findings.push(...scanFileForCardNumbers(file));
  }
  return findings;
}
