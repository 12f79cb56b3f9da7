// The migration that makes EmailMessage.sentAt nullable rebuilds the table. The runner keeps foreign
// keys on, where DROP TABLE cascades: attachments, ids and the full-text index must come through.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyMigrations, readMigrations } from '@keydesk/db';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

const REBUILD = '20261205080615_email_date_unknown_and_parse_problems';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe(`migration ${REBUILD}`, () => {
  it('keeps messages, attachments and the search index, and then takes messages with no date', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'migration-'));
    dirs.push(dir);
    const sqlite = new Database(path.join(dir, 'db.sqlite'));
    sqlite.pragma('foreign_keys = ON');
    const all = readMigrations();
    applyMigrations(
      sqlite,
      all.filter((m) => m.name < REBUILD),
    );
    sqlite.exec(`
      INSERT INTO EmailThread (id, threadKey, subject, subjectKey, firstMessageAt, lastMessageAt, messageCount,
        hasAttachments, isAwaitingReply, createdAt) VALUES (7, 'msgid:a@x', 'Invoice', 'invoice', 1000, 1000, 1, 1, 1, 1000);
      INSERT INTO EmailMessage (id, threadId, messageId, subject, sentAt, textBody, source, createdAt)
        VALUES (42, 7, 'a@x', 'Invoice', 1000, 'please send the quarterly invoice', 'mbox', 1000);
      INSERT INTO EmailAttachment (messageId, filename, contentType, size, content)
        VALUES (42, 'invoice.pdf', 'application/pdf', 3, x'255044');
    `);

    applyMigrations(sqlite, all);

    expect(sqlite.prepare('SELECT id, sentAt, parseProblems FROM EmailMessage').all()).toEqual([
      { id: 42, sentAt: 1000, parseProblems: null },
    ]);
    expect(sqlite.prepare('SELECT messageId, filename, content FROM EmailAttachment').all()).toEqual([
      { messageId: 42, filename: 'invoice.pdf', content: Buffer.from('%PD') },
    ]);
    const matches = (term: string) =>
      sqlite.prepare('SELECT rowid FROM EmailMessageFts WHERE EmailMessageFts MATCH ?').pluck().all(term);
    expect(matches('quarterly')).toEqual([42]);

    sqlite
      .prepare(
        `INSERT INTO EmailMessage (threadId, messageId, subject, sentAt, textBody, parseProblems, source, createdAt)
         VALUES (7, 'b@x', 'Undated', NULL, 'arrived without any date', '["no date"]', 'mbox', 2000)`,
      )
      .run();
    expect(matches('undated')).toHaveLength(1);
    sqlite.prepare(`DELETE FROM EmailMessage WHERE messageId = 'a@x'`).run();
    expect(matches('quarterly')).toEqual([]);
    expect(sqlite.prepare('SELECT COUNT(*) FROM EmailAttachment').pluck().get()).toBe(0);
    sqlite.prepare(`INSERT INTO EmailMessageFts(EmailMessageFts) VALUES ('integrity-check')`).run();
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });
});
