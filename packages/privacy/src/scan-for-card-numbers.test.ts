import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanForCardNumbers } from './scan-for-card-numbers.ts';

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
});
