// Scans a SQLite database's files byte by byte (main file, -wal and -journal) for anything that is
// a card number: the final check that no write path forgot to redact. Reads in chunks, so a large
// database is scanned in constant memory.
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { isCardNumber } from './redact-card-numbers.ts';

export type CardNumberFinding = { file: string; offset: number; masked: string };

const CHUNK = 4 * 1024 * 1024;
// Longest candidate is 19 digits with 18 separators: overlapping chunks by more than that
// means a number split across a chunk boundary is still seen whole.
const OVERLAP = 64;
const CANDIDATE = /(?<!\d)(?:\d[ .-]?){12,18}\d(?!\d|[ .-]\d)/g;

function scanFile(file: string, findings: CardNumberFinding[]): void {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK + OVERLAP);
    let carry = 0;
    let position = 0;
    for (;;) {
      const read = readSync(fd, buffer, carry, CHUNK, position);
      if (read === 0) break;
      const length = carry + read;
      // latin1 maps each byte to one character, so offsets stay byte offsets.
      const text = buffer.toString('latin1', 0, length);
      const base = position - carry;
      for (const match of text.matchAll(CANDIDATE)) {
        const at = base + (match.index ?? 0);
        // Matches starting in the overlap are seen whole in the next chunk; earlier ones end before it.
        if ((match.index ?? 0) >= length - OVERLAP && read === CHUNK) continue;
        if (isCardNumber(match[0]) && !findings.some((f) => f.file === file && f.offset === at)) {
          const digits = match[0].replace(/\D/g, '');
          findings.push({ file, offset: at, masked: `${digits.slice(0, 4)}…${digits.slice(-2)}` });
        }
      }
      position += read;
      if (read < CHUNK) break;
      buffer.copy(buffer, 0, length - OVERLAP, length);
      carry = OVERLAP;
    }
  } finally {
    closeSync(fd);
  }
}

/** Every Luhn-valid, brand-shaped card number in the database file and its WAL; empty means clean. */
export function scanForCardNumbers(dbFile: string): CardNumberFinding[] {
  const findings: CardNumberFinding[] = [];
  for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-journal`]) {
    if (existsSync(file)) scanFile(file, findings);
  }
  return findings;
}
