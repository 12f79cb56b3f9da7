// "Nothing silently lost": a file of generated lines, valid and damaged, with any line ending, plain
// or gzip'd, ends as stored + duplicates + refused-with-a-reason, line for line.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLogFile } from '../testing/import-log-file.ts';
import { damagedLine } from './access-line-arbitrary.ts';
import { parseAccessLine, REFUSAL } from './parse-access-line.ts';

const REASONS = new Set<string>(Object.values(REFUSAL));

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

describe('importAccessLogs on generated files', () => {
  it('accounts for every line: stored, already imported, or refused with its line number and reason', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(damagedLine, { minLength: 1, maxLength: 40 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        async (generated, eol, gzip, finalNewline) => {
          const text = generated.join(eol) + (finalNewline ? eol : '');
          // What a reader of the file sees: no lines in an empty file, a final newline ends a line.
          const lines = text === '' ? [] : text.split('\n').map((line) => line.replace(/\r$/, ''));
          if (text.endsWith('\n')) lines.pop();
          const file = path.join(db.dir, `generated-${n++}.log${gzip ? '.gz' : ''}`);
          writeFileSync(file, gzip ? gzipSync(text) : text);
          // importLogFile checks that stored + duplicates + refused add up to the lines read.
          const result = await importLogFile(db, file, new Date('2025-01-01T00:00:00Z'));
          if (text === '') {
            expect(result).toMatchObject({ lines: 0, stored: 0, refused: 0 });
            return;
          }
          expect(result.error).toBeNull();
          if (result.duplicates > 0) return; // fast-check made the same text twice: it was read once
          const expectedRefusals = lines.flatMap((line, i) => {
            const parsed = parseAccessLine(line);
            return typeof parsed === 'string' ? [{ line: i + 1, reason: parsed }] : [];
          });
          expect(result.lines).toBe(lines.length);
          expect(result.refusedLines).toEqual(expectedRefusals);
          expect(result.stored).toBe(lines.length - expectedRefusals.length);
          for (const refused of result.refusedLines) expect(REASONS.has(refused.reason)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
