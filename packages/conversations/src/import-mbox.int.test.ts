import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importMbox } from './import-mbox.ts';
import { realWorldMbox } from './test-fixtures/real-world-mbox.ts';

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => {
  await db.destroy();
});

const now = () => new Date('2026-01-01T00:00:00Z');

function writeMbox(content: Buffer): string {
  const file = path.join(db.dir, 'takeout.mbox');
  writeFileSync(file, content);
  return file;
}

type MessageRow = {
  messageId: string;
  subject: string;
  fromName: string | null;
  textBody: string | null;
  htmlBody: string | null;
  threadId: number;
};

function messages(): MessageRow[] {
  return db.sqlite
    .prepare(
      'SELECT messageId, subject, fromName, textBody, htmlBody, threadId FROM EmailMessage ORDER BY id',
    )
    .safeIntegers(false)
    .all() as MessageRow[];
}

describe('importMbox with real-world MIME', () => {
  // 0 parses in the importing thread, 2 on worker threads: both must store the same.
  it.each([0, 2])(
    'decodes encodings and charsets, threads replies, keeps a stray From line as body text (%i parse workers)',
    async (parseWorkers) => {
      const file = writeMbox(realWorldMbox());
      const summary = await importMbox({
        db,
        file,
        now,
        ownAddresses: ['support@keydesk.test'],
        maxAttachmentBytes: 1000,
        parseWorkers,
      });
      expect(summary.status).toBe('completed');
      expect(summary.created).toBe(8);
      // A `From ` line followed by no header is body text (mboxo), so the junk stays in the
      // message before it instead of being refused.
      expect(summary.rejected).toBe(0);
      expect(summary.problems).toEqual([]);
      expect(summary.bytesDone).toBe(summary.bytesTotal);

      const rows = messages();
      const byId = new Map(rows.map((r) => [r.messageId, r]));
      const alt = byId.get('alt-1@example.com');
      // quoted-printable with a soft line break, UTF-8 apostrophe, and the mboxrd `>From ` unescaped
      expect(alt?.textBody).toContain('doesn’t work');
      expect(alt?.textBody).toContain('charged twice');
      expect(alt?.textBody).toMatch(/^From the receipt/m);
      // card numbers never reach the database
      expect(alt?.textBody).not.toContain('4111');
      expect(alt?.htmlBody).toContain('<b>doesn’t</b>');

      const latin1 = byId.get('latin1@example.fr');
      expect(latin1?.subject).toBe('Problème de licence – urgent');
      expect(latin1?.fromName).toBe('François Müller');
      expect(latin1?.textBody).toContain('la clé ne marche pas');

      expect(byId.get('koi8@example.ru')?.subject).toBe('Привет');
      expect(byId.get('koi8@example.ru')?.textBody).toContain('Привет мир, ключ не работает');

      expect(byId.get('broken@example.org')?.textBody).toContain(
        'just some bytes a broken exporter left behind',
      );

      const synthesized = rows.find((r) => r.subject === 'Question without an id');
      expect(synthesized?.messageId).toMatch(/@keydesk\.synthesized$/);

      // root, reply (In-Reply-To) and the broken client's reply (subject only) share one thread
      const chain = ['root@example.org', 'reply1@keydesk.test', 'broken@example.org'].map(
        (id) => byId.get(id)?.threadId,
      );
      expect(new Set(chain).size).toBe(1);
      const thread = db.sqlite
        .prepare('SELECT messageCount, isAwaitingReply FROM EmailThread WHERE id = ?')
        .safeIntegers(false)
        .get(chain[0]) as { messageCount: number; isAwaitingReply: number };
      expect(thread).toEqual({ messageCount: 3, isAwaitingReply: 1 });
    },
  );

  it.each([0, 2])(
    'keeps attachment metadata always and content only under the limit (%i parse workers)',
    async (parseWorkers) => {
      await importMbox({ db, file: writeMbox(realWorldMbox()), now, maxAttachmentBytes: 1000, parseWorkers });
      const attachments = db.sqlite
        .prepare(
          `SELECT a.filename, a.contentType, a.size, a.isInline, a.contentId, a.content IS NOT NULL AS kept
         FROM EmailAttachment a JOIN EmailMessage m ON m.id = a.messageId WHERE m.messageId = 'att@example.com' ORDER BY a.id`,
        )
        .safeIntegers(false)
        .all();
      expect(attachments).toEqual([
        {
          filename: 'shot.png',
          contentType: 'image/png',
          size: 70,
          isInline: 1,
          contentId: 'shot1@example.com',
          kept: 1,
        },
        {
          filename: 'invoice.pdf',
          contentType: 'application/pdf',
          size: 22,
          isInline: 0,
          contentId: null,
          kept: 1,
        },
        {
          filename: 'big.zip',
          contentType: 'application/zip',
          size: 3000,
          isInline: 0,
          contentId: null,
          kept: 0,
        },
      ]);
      const thread = db.sqlite
        .prepare(
          `SELECT t.hasAttachments FROM EmailThread t JOIN EmailMessage m ON m.threadId = t.id WHERE m.messageId = 'att@example.com'`,
        )
        .safeIntegers(false)
        .get();
      expect(thread).toEqual({ hasAttachments: 1 });
    },
  );

  it('is idempotent: a second file with the same messages adds nothing', async () => {
    await importMbox({ db, file: writeMbox(realWorldMbox()), now });
    const again = path.join(db.dir, 'again.mbox');
    writeFileSync(again, Buffer.concat([realWorldMbox(), Buffer.from('\r\n')]));
    const summary = await importMbox({ db, file: again, now });
    expect(summary.created).toBe(0);
    expect(summary.skipped).toBe(8);
    expect(messages()).toHaveLength(8);
  });

  it('indexes every message for full-text search and removes entries on delete', async () => {
    await importMbox({ db, file: writeMbox(realWorldMbox()), now });
    const count = (q: string) =>
      (
        db.sqlite
          .prepare('SELECT COUNT(*) AS n FROM EmailMessageFts WHERE EmailMessageFts MATCH ?')
          .safeIntegers(false)
          .get(q) as { n: number }
      ).n;
    expect(count('upgrade')).toBe(3);
    expect(count('работает')).toBe(1);
    db.sqlite.prepare(`DELETE FROM EmailThread WHERE subject = 'Upgrade path'`).run();
    expect(count('upgrade')).toBe(0);
    db.sqlite.prepare(`INSERT INTO EmailMessageFts(EmailMessageFts) VALUES ('integrity-check')`).run();
  });
});
