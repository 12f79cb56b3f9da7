// Property: whatever MIME structure, charset, transfer encoding or header a sender got wrong, and
// whichever mbox dialect carries it, nothing is silently lost. Every generated message is counted
// (read = stored + duplicates + refused), its ASCII words are findable in what was stored, and its
// accented words are findable or the message carries a recorded parse problem.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMbox } from './import-mbox.ts';
import { arbitraryMessage, writeMboxFile } from './test-fixtures/arbitrary-mime.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.destroy();
});

type Stored = {
  textBody: string | null;
  htmlBody: string | null;
  parseProblems: string | null;
  content: string;
};

/** Each message stored after `id`, its attachments' bytes read both as UTF-8 and as Latin-1. */
function storedAfter(id: number): Stored[] {
  const rows = db.sqlite
    .prepare('SELECT id, textBody, htmlBody, parseProblems FROM EmailMessage WHERE id > ? ORDER BY id')
    .safeIntegers(false)
    .all(id) as (Omit<Stored, 'content'> & { id: number })[];
  const attachments = db.sqlite.prepare('SELECT content FROM EmailAttachment WHERE messageId = ?').pluck();
  return rows.map((row) => ({
    ...row,
    content: (attachments.all(row.id) as (Buffer | null)[])
      .map((bytes) => (bytes ? `${bytes.toString('utf8')}\n${bytes.toString('latin1')}` : ''))
      .join('\n'),
  }));
}

const lastId = () =>
  (
    db.sqlite.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM EmailMessage').safeIntegers(false).get() as {
      id: number;
    }
  ).id;

let run = 0;

describe('importMbox on generated MIME', () => {
  it('loses nothing silently', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryMessage, { minLength: 1, maxLength: 4 }),
        fc.constantFrom<'mboxrd' | 'mboxo'>('mboxrd', 'mboxo'),
        async (generated, dialect) => {
          run++;
          // Shrinking replays near-identical messages: a run tag keeps each run's messages its own.
          const messages = generated.map((m, i) => ({
            ...m,
            raw: Buffer.from(
              `X-Run: ${run}-${i}\n${m.raw.toString('latin1').replace('Message-ID: <', `Message-ID: <r${run}-${i}.`)}`,
              'latin1',
            ),
          }));
          const file = path.join(db.dir, `generated-${run}.mbox`);
          writeFileSync(file, writeMboxFile(messages, dialect));
          const before = lastId();
          const summary = await importMbox({
            db,
            file,
            now: () => new Date('2031-01-01T00:00:00Z'),
            parseWorkers: 0,
          });
          expect(summary.itemsDone).toBe(messages.length);
          expect(summary.created + summary.skipped + summary.rejected).toBe(summary.itemsDone);
          expect(summary.rejected).toBe(0);
          const stored = storedAfter(before);
          const haystack = stored
            .map((s) => `${s.textBody ?? ''}\n${s.htmlBody ?? ''}\n${s.content}`)
            .join('\n');
          const hasProblem = stored.some((s) => s.parseProblems !== null);
          for (const message of messages) {
            for (const marker of message.asciiMarkers) expect(haystack).toContain(marker);
            for (const marker of message.accentedMarkers) {
              if (!haystack.includes(marker)) expect(hasProblem).toBe(true);
            }
          }
          for (const s of stored) expect(s.textBody ?? '').not.toContain('\uFFFD');
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);
});
