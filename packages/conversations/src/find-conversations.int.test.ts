// conversation.find over enough mail that both search strategies run: common words are found by
// checking the newest conversations, rare ones through the FTS5 index. Both must give what the
// index alone says, newest first, page after page.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FindConversationsInput, findConversations, toFtsQuery } from './find-conversations.ts';
import { importMbox } from './import-mbox.ts';
import { generateMbox } from './test-fixtures/generate-mbox.ts';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  const file = path.join(db.dir, 'mail.mbox');
  await generateMbox(file, 900, 3);
  // One old message with a rare word, and a rare word in the newest mail's quoted history.
  appendFileSync(
    file,
    [
      'From 1@xxx Mon Jan 04 10:00:00 +0000 2010',
      'From: zoe@example.com',
      'To: support@keydesk.test',
      'Subject: Old question',
      'Date: Mon, 04 Jan 2010 10:00:00 +0000',
      'Message-ID: <rare-1@example.com>',
      '',
      'My Zebracorn licence from years ago stopped working.',
      '',
    ].join('\r\n'),
  );
  await importMbox({ db, file, now: () => new Date(), ownAddresses: ['support@keydesk.test'] });
});
afterAll(async () => {
  await db.destroy();
});

/** The matching email threads, newest first, straight from the index. */
function expected(search: string): number[] {
  return (
    db.sqlite
      .prepare(
        `SELECT t.id FROM EmailThread t WHERE t.id IN (SELECT m.threadId FROM EmailMessageFts f
           JOIN EmailMessage m ON m.id = f.rowid WHERE EmailMessageFts MATCH ?)
         ORDER BY t.lastMessageAt DESC, t.id DESC`,
      )
      .pluck()
      .safeIntegers(false)
      .all(toFtsQuery(search)) as number[]
  ).slice(0, 60);
}

function pages(search: string, limit: number, count: number): number[] {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < count; i++) {
    const input: FindConversationsInput = {
      kind: 'email',
      linked: 'all',
      hasAttachments: false,
      search,
      limit,
      cursor,
    };
    const page = findConversations(db, input);
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

describe('findConversations with a search', () => {
  it.each(['license', 'activation error', 'reinst', 'zebrac', 'zebracorn stopped', 'licence'])(
    'returns what the index matches, newest first, across cursor pages: %s',
    (search) => {
      const want = expected(search);
      expect(want.length).toBeGreaterThan(0);
      expect(pages(search, 20, 3)).toEqual(want.slice(0, 60));
    },
  );

  it('highlights the hit in the newest matching message, prefix and case-insensitively', () => {
    const [rare] = findConversations(db, {
      kind: 'all',
      linked: 'all',
      hasAttachments: false,
      search: 'ZEBRA',
      limit: 5,
    }).items;
    expect(rare?.title).toBe('Old question');
    expect(rare?.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['Zebracorn']);
    const common = findConversations(db, {
      kind: 'all',
      linked: 'all',
      hasAttachments: false,
      search: 'refund',
      limit: 5,
    }).items;
    expect(common).toHaveLength(5);
    for (const item of common)
      expect(item.snippet.some((s) => s.hit && s.text.toLowerCase() === 'refund')).toBe(true);
  });

  it('finds nothing for a word no message holds', () => {
    expect(pages('xylophone', 10, 1)).toEqual([]);
  });
});
