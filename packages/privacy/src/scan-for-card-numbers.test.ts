import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { cardInText } from './card-number-arbitraries.ts';
import { scanFileForCardNumbers, scanForCardNumbers } from './scan-for-card-numbers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scanForCardNumbers', () => {
  it('finds a card number among binary bytes, in the main file and in the WAL', () => {
    const file = path.join(dir, 'a.db');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from([0, 1, 2, 255]),
        Buffer.from('note: 4111 1111 1111 1111;'),
        Buffer.alloc(10),
      ]),
    );
    writeFileSync(`${file}-wal`, Buffer.from('xx5555555555554444xx'));
    const found = scanForCardNumbers(file);
    expect(found.map((f) => [path.basename(f.file), f.offset, f.masked])).toEqual([
      ['a.db', 10, '4111…11'],
      ['a.db-wal', 2, '5555…44'],
    ]);
  });

  it('finds a number split across the 4 MiB read boundary', () => {
    const file = path.join(dir, 'b.db');
    const bytes = Buffer.alloc(4 * 1024 * 1024 + 100, 0);
    bytes.write('4111111111111111', 4 * 1024 * 1024 - 8, 'latin1');
    bytes.write('5555555555554444', 4 * 1024 * 1024 - 70, 'latin1');
    writeFileSync(file, bytes);
    expect(scanForCardNumbers(file).map((f) => f.masked)).toEqual(['5555…44', '4111…11']);
  });

  it('ignores order ids, phone numbers, epoch milliseconds and Luhn-failing runs', () => {
    const file = path.join(dir, 'c.db');
    writeFileSync(file, 'ORDER 84512397 phone +49 170 1234567 at 1764054357000 card 4111111111111112');
    expect(scanForCardNumbers(file)).toEqual([]);
  });

  it('finds disguised cards stored in a real SQLite file, raw, form-encoded, JSON-escaped and as a blob', async () => {
    let n = 0;
    await fc.assert(
      fc.property(cardInText(), fc.constantFrom('raw', 'form', 'json', 'blob'), (card, encoding) => {
        const file = path.join(dir, `disguise-${n++}.db`);
        const db = new Database(file);
        // A record's header sits right before its first value, and a serial type can be an ASCII
        // digit ('3' is a 19-character text), which lengthens the digit run the scan sees: it still
        // finds the card, but may name a window that starts on that byte. A text column first gives
        // the value a letter for a neighbour, so the card found can be checked to the digit.
        db.exec('CREATE TABLE t (k, v)');
        const value =
          encoding === 'form'
            ? encodeURIComponent(card.text).replace(/%20/g, '+')
            : encoding === 'json'
              ? JSON.stringify({ v: card.text }).replace(
                  /[^\x21-\x7e]/g,
                  (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
                )
              : card.text;
        db.prepare("INSERT INTO t VALUES ('note', ?)").run(encoding === 'blob' ? Buffer.from(value) : value);
        db.close();
        expect(scanForCardNumbers(file).map((f) => f.masked)).toEqual([
          `${card.digits.slice(0, 4)}…${card.digits.slice(-2)}`,
        ]);
        rmSync(file);
      }),
      { numRuns: 150 },
    );
  });

  it('finds a card stored alone, right after a record header byte that is a digit', () => {
    const file = path.join(dir, 'header-digit.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (v)');
    // 19 digits, Luhn-valid, and so is the 19-digit window that starts on its header byte '3'.
    db.prepare('INSERT INTO t VALUES (?)').run('6541920677701192931');
    db.close();
    expect(scanForCardNumbers(file)).toHaveLength(1);
  });

  it('sees each card once whatever the chunk boundaries', async () => {
    const file = path.join(dir, 'chunks.db');
    await fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 199 }), { minLength: 1, maxLength: 12 }),
        (slots) => {
          const bytes = Buffer.alloc(200 * 1024, 0x61);
          for (const slot of slots) bytes.write('4111\u00a01111 1111&nbsp;1111', slot * 1024 + 7, 'latin1');
          writeFileSync(file, bytes);
          const found = scanFileForCardNumbers(file, 64 * 1024).map((f) => f.offset);
          expect(found).toEqual(slots.map((slot) => slot * 1024 + 7).sort((a, b) => a - b));
        },
      ),
      { numRuns: 30 },
    );
  });
});
