import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findConversations } from './find-conversations.ts';
import { importChats } from './import-chats.ts';
import { importMbox } from './import-mbox.ts';
import { createCustomerFromConversation, linkConversationsToCustomer } from './link-customer.ts';
import { handleTawkWebhook } from './tawk-webhook.ts';
import { realWorldMbox } from './test-fixtures/real-world-mbox.ts';

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => {
  await db.destroy();
});

const now = new Date('2026-01-01T00:00:00Z');
const SECRET = 'tawk-secret';

const transcript = {
  event: 'chat:transcript_created',
  chatId: 'chat-1',
  time: '2025-12-01T10:05:00.000Z',
  chat: {
    id: 'chat-1',
    visitor: { name: 'Dana', email: 'Dana@Example.com', country: 'no' },
    messages: [
      { sender: { t: 's' }, type: 'msg', msg: 'Chat started', time: '2025-12-01T10:00:00.000Z' },
      {
        sender: { t: 'v', n: 'Dana' },
        type: 'msg',
        msg: 'My card 4111 1111 1111 1111 failed',
        time: '2025-12-01T10:01:00.000Z',
      },
      {
        sender: { t: 'a', n: 'Owner' },
        type: 'msg',
        msg: 'Try the activation again',
        time: '2025-12-01T10:02:00.000Z',
      },
    ],
  },
};

function deliver(body: unknown, options: { secret?: string; eventId?: string; raw?: string } = {}) {
  const raw = Buffer.from(options.raw ?? JSON.stringify(body));
  const signature = createHmac('sha1', options.secret ?? SECRET)
    .update(raw)
    .digest('hex');
  return handleTawkWebhook({
    db,
    now,
    rawBody: raw,
    signature,
    eventId: options.eventId ?? null,
    secret: SECRET,
    ip: '127.0.0.1',
  });
}

function count(sql: string): number {
  return (db.sqlite.prepare(sql).safeIntegers(false).get() as { n: number }).n;
}

describe('tawk.to webhook', () => {
  it('stores a transcript with every message, redacted, once per event id', () => {
    expect(deliver(transcript, { eventId: 'e1' }).status).toBe(200);
    expect(deliver(transcript, { eventId: 'e1' }).body.result).toBe('duplicate');
    expect(deliver(transcript, { eventId: 'e2' }).status).toBe(200);
    const messages = db.sqlite
      .prepare('SELECT senderType, senderName, text FROM ChatMessage ORDER BY seq')
      .safeIntegers(false)
      .all() as { senderType: string; senderName: string | null; text: string }[];
    expect(messages.map((m) => m.senderType)).toEqual(['system', 'visitor', 'agent']);
    expect(messages[1]?.senderName).toBe('Dana');
    expect(messages[1]?.text).not.toContain('4111');
    expect(count('SELECT COUNT(*) AS n FROM ChatTranscript')).toBe(1);
    const chat = db.sqlite
      .prepare('SELECT visitorEmail, visitorCountry, messageCount, endedAt FROM ChatTranscript')
      .safeIntegers(false)
      .get();
    expect(chat).toEqual({
      visitorEmail: 'dana@example.com',
      visitorCountry: 'NO',
      messageCount: 3,
      endedAt: Date.parse('2025-12-01T10:05:00.000Z'),
    });
  });

  it('refuses a bad signature with 401 and keeps a signed but unreadable body for replay', () => {
    expect(deliver(transcript, { secret: 'wrong' }).status).toBe(401);
    expect(deliver(null, { raw: '{"event":' }).status).toBe(202);
    expect(deliver({ event: 'chat:transcript_created', chatId: 'x', time: 'soon' }).status).toBe(202);
    expect(count('SELECT COUNT(*) AS n FROM ChatTranscript')).toBe(0);
    expect(count(`SELECT COUNT(*) AS n FROM AuditLog WHERE action = 'tawk.webhook.rejected'`)).toBe(1);
    expect(count(`SELECT COUNT(*) AS n FROM AuditLog WHERE action = 'tawk.webhook.kept'`)).toBe(2);
    expect(count(`SELECT COUNT(*) AS n FROM WebhookEvent WHERE status = 'kept' AND payload <> ''`)).toBe(2);
    expect(count(`SELECT COUNT(*) AS n FROM WebhookEvent WHERE status = 'rejected' AND payload = ''`)).toBe(
      1,
    );
  });

  it('records chat:end on an already stored chat without losing messages', () => {
    deliver(transcript, { eventId: 'e1' });
    const end = {
      event: 'chat:end',
      chatId: 'chat-1',
      time: '2025-12-01T10:09:00.000Z',
      visitor: { name: 'Dana' },
    };
    expect(deliver(end, { eventId: 'e3' }).body.result).toBe('chat:end: updated chat chat-1');
    expect(count('SELECT messageCount AS n FROM ChatTranscript')).toBe(3);
    expect(count('SELECT COUNT(*) AS n FROM ChatMessage')).toBe(3);
  });
});

describe('chat export import', () => {
  it('imports an exported array of chats with progress, idempotently', () => {
    const content = Buffer.from(
      JSON.stringify([transcript.chat, { ...transcript.chat, id: 'chat-2', visitor: {} }]),
    );
    const progress: number[] = [];
    const first = importChats({
      db,
      content,
      source: 'export.json',
      now: () => now,
      batchSize: 1,
      onProgress: (p) => progress.push(p.itemsDone),
    });
    expect(first.created).toBe(2);
    expect(progress).toEqual([1, 2]);
    expect(importChats({ db, content, source: 'export.json', now: () => now }).created).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM ChatMessage')).toBe(6);
  });
});

describe('linking and search', () => {
  async function seed() {
    const file = path.join(db.dir, 'mail.mbox');
    writeFileSync(file, realWorldMbox());
    await importMbox({ db, file, now: () => now, ownAddresses: ['support@keydesk.test'] });
    deliver(transcript, { eventId: 'e1' });
  }

  it('links conversations to a customer who arrives later, by any of their addresses', async () => {
    await seed();
    expect(count('SELECT COUNT(*) AS n FROM EmailThread WHERE customerId IS NOT NULL')).toBe(0);
    const at = now.getTime();
    db.sqlite
      .prepare(
        `INSERT INTO Customer (id, name, firstSeenAt, lastSeenAt, createdAt, updatedAt) VALUES (7, 'Bob', ?, ?, ?, ?)`,
      )
      .run(at, at, at, at);
    db.sqlite
      .prepare(
        `INSERT INTO CustomerEmail (customerId, email, isPrimary, createdAt) VALUES (7, 'old@example.org', 1, ?), (7, 'bob@example.org', 0, ?)`,
      )
      .run(at, at);
    expect(linkConversationsToCustomer(db, 7)).toEqual({ chats: 0, threads: 1 });
    const unlinked = findConversations(db, {
      kind: 'all',
      linked: 'unlinked',
      hasAttachments: false,
      limit: 50,
    });
    expect(unlinked.items.some((i) => i.title === 'Upgrade path')).toBe(false);
    const chat = unlinked.items.find((i) => i.kind === 'chat');
    expect(chat).toBeDefined();
    const created = createCustomerFromConversation(db, {
      kind: 'chat',
      id: chat?.id ?? 0,
      ownAddresses: new Set(),
      now,
    });
    expect(count(`SELECT COUNT(*) AS n FROM CustomerEmail WHERE email = 'dana@example.com'`)).toBe(1);
    expect(count(`SELECT customerId AS n FROM ChatTranscript`)).toBe(created.customerId);
  });

  it('finds chats and threads together, newest first, with highlighted snippets and cursor pages', async () => {
    await seed();
    const all = findConversations(db, { kind: 'all', linked: 'all', hasAttachments: false, limit: 50 });
    expect(all.items[0]?.kind).toBe('chat'); // December 2025 beats the 2020 mail
    const times = all.items.map((i) => i.lastMessageAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = findConversations(db, {
        kind: 'all',
        linked: 'all',
        hasAttachments: false,
        limit: 2,
        cursor,
      });
      seen.push(...page.items.map((i) => `${i.kind}:${i.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => `${i.kind}:${i.id}`));

    const hits = findConversations(db, {
      kind: 'all',
      linked: 'all',
      hasAttachments: false,
      limit: 10,
      search: 'activat',
    });
    expect(hits.items).toHaveLength(1);
    expect(hits.items[0]?.snippet.find((s) => s.hit)?.text.toLowerCase()).toBe('activation');
    const mail = findConversations(db, {
      kind: 'email',
      linked: 'all',
      hasAttachments: false,
      limit: 10,
      search: 'clé',
    });
    expect(mail.items.map((i) => i.title)).toEqual(['Problème de licence – urgent']);
    const withFiles = findConversations(db, { kind: 'all', linked: 'all', hasAttachments: true, limit: 10 });
    expect(withFiles.items.map((i) => i.title)).toEqual(['Screenshot and invoice']);
    const range = findConversations(db, {
      kind: 'all',
      linked: 'all',
      hasAttachments: false,
      limit: 10,
      from: new Date('2020-01-09'),
      to: new Date('2020-01-10'),
    });
    expect(range.items.map((i) => i.title)).toEqual(['Upgrade path']);
    expect(
      findConversations(db, { kind: 'all', linked: 'all', hasAttachments: false, limit: 10, search: '"(*' })
        .items,
    ).toEqual([]);
  });
});
