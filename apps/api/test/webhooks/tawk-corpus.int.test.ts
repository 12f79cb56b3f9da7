// The tawk.to hook over real HTTP with the documented payloads: what comes in = stored + duplicates
// + refused-with-a-reason; tickets become conversations linked to their requester; a signed event
// Keydesk cannot read is kept and replayable, never refused.
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOwnerCaller } from '../owner-caller.ts';
import { queryRows } from '../test-db.ts';
import { postTawk, signTawk, startTawkServer, tawkCorpus } from './tawk-fixtures.ts';

let db: TestDb;
let server: Awaited<ReturnType<typeof startTawkServer>>;
let customerId: number;

beforeAll(async () => {
  db = await createTestDb();
  server = await startTawkServer(db);
  const customer = await db.prisma.customer.create({
    data: { name: 'Hello Tester', emails: { create: { email: 'hello@test.com', isPrimary: true } } },
    select: { id: true },
  });
  customerId = customer.id;
});
afterAll(async () => {
  await server?.close();
  await db?.destroy();
});

const rows = <T>(sql: string, ...params: unknown[]) => queryRows<T>(db, sql, ...params);
const countOf = (sql: string, ...params: unknown[]) => rows<{ n: number }>(sql, ...params)[0]?.n;

describe('the documented tawk.to payloads', () => {
  it('are each stored once; a repeat is a duplicate; a bad or missing signature is refused with a reason', async () => {
    const corpus = tawkCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(8);
    const outcomes: string[] = [];
    for (const { name, body } of corpus) {
      const first = await postTawk(server.url, body, { eventId: `evt-${name}` });
      expect(first, name).toMatchObject({ status: 200, body: { ok: true } });
      outcomes.push(first.body.result);
    }
    for (const { name, body } of corpus) {
      const again = await postTawk(server.url, body, { eventId: `evt-${name}` });
      expect(again, name).toEqual({ status: 200, body: { ok: true, result: 'duplicate' } });
    }
    for (const { name, body } of corpus) {
      const forged = await postTawk(server.url, body, { signature: signTawk(body, 'not-the-secret') });
      expect(forged.status, name).toBe(401);
      expect((await postTawk(server.url, body, { signature: null })).status, name).toBe(401);
    }

    // in = stored + duplicates + refused, each with its row.
    const n = corpus.length;
    const byStatus = Object.fromEntries(
      rows<{ status: string; n: number }>(
        `SELECT status, count(*) AS n FROM WebhookEvent WHERE source = 'tawk' GROUP BY status`,
      ).map((r) => [r.status, r.n]),
    );
    expect(byStatus).toEqual({ processed: n, duplicate: n, rejected: 2 * n });
    expect(
      countOf(
        `SELECT count(*) AS n FROM WebhookEvent WHERE status = 'processed' AND idempotencyKey LIKE 'evt-%' AND payload <> ''`,
      ),
    ).toBe(n);
    // Refused and repeated requests leave a small record: never the body nobody vouched for.
    expect(
      rows<{ result: string }>(`SELECT result FROM WebhookEvent WHERE status = 'rejected' AND payload = ''`)
        .map((r) => r.result.replace(/;.*/, ''))
        .sort(),
    ).toEqual([...Array(n).fill('bad signature'), ...Array(n).fill('no signature')]);
    expect(
      countOf(`SELECT count(*) AS n FROM WebhookEvent WHERE status = 'duplicate' AND payload = ''`),
    ).toBe(n);

    // What was stored: four chats (one filled in by its start, transcript and end) and two tickets.
    expect(outcomes.filter((o) => o.startsWith('ticket:create: created ticket'))).toHaveLength(2);
    const chat = rows<{ messageCount: number; endedAt: number | null; visitorEmail: string }>(
      `SELECT messageCount, endedAt, visitorEmail FROM ChatTranscript WHERE externalId = ?`,
      '70fe3290-99ad-11e9-a30a-51567162179f',
    )[0];
    expect(chat).toMatchObject({ messageCount: 3, visitorEmail: 'hello@test.com' });
    expect(chat?.endedAt).not.toBeNull();
    expect(countOf('SELECT count(*) AS n FROM ChatTranscript')).toBe(4);
    expect(countOf(`SELECT count(*) AS n FROM EmailThread WHERE threadKey LIKE 'tawk-ticket:%'`)).toBe(2);
  });

  it('make a ticket a conversation linked to its requester, in the list and the customer timeline', async () => {
    const owner = createOwnerCaller(db);
    const found = await owner.conversation.find({ search: 'test message' });
    const ticket = found.items.find((i) => i.title === 'Testing');
    expect(ticket).toMatchObject({ kind: 'email', customer: { id: customerId } });
    const thread = await owner.conversation.getThread({ id: ticket?.id ?? 0 });
    expect(thread.messages.map((m) => [m.fromAddress, m.textBody, m.isInbound])).toEqual([
      ['hello@test.com', 'This is a test message', true],
    ]);
    const unlinked = await owner.conversation.find({ linked: 'unlinked', search: 'Sundays' });
    expect(unlinked.items.map((i) => i.title)).toEqual(['Opening hours']);
    const customer = await owner.customer.get({ id: customerId });
    expect(customer.timeline.map((e) => [e.type, e.title])).toEqual(
      expect.arrayContaining([['email', 'Testing']]),
    );
    expect(customer.timeline.filter((e) => e.type === 'chat').length).toBeGreaterThan(0);
  });
});

describe('a correctly signed event Keydesk cannot read', () => {
  it('is answered 2xx, kept with its reason, listed in Settings → Webhooks and replayable', async () => {
    const unknown = JSON.stringify({ event: 'chat:rated', chatId: 'r-1', time: '2024-07-03T01:10:00Z' });
    expect(await postTawk(server.url, unknown, { eventId: 'evt-rated' })).toEqual({
      status: 202,
      body: { ok: true, result: 'kept' },
    });
    const owner = createOwnerCaller(db);
    const kept = await owner.webhook.find({ source: 'tawk', status: 'kept' });
    expect(kept.items.map((e) => [e.result, e.canReplay, JSON.parse(e.payload).event])).toEqual([
      ['kept for replay: not understood: unknown event "chat:rated"', true, 'chat:rated'],
    ]);
    await expect(owner.webhook.replay({ id: kept.items[0]?.id ?? 0 })).rejects.toThrow(
      /Still not understood: unknown event/,
    );

    // As an earlier Keydesk that did not know ticket:create would have kept it: replay stores it now.
    const ticket =
      tawkCorpus()
        .find((f) => f.name === 'ticket-create.json')
        ?.body.toString() ?? '';
    const later = ticket.replace('02598050-99ae-11e9-8887-97564881b95b', 'kept-ticket-1');
    const id = Number(
      db.sqlite
        .prepare(
          `INSERT INTO WebhookEvent (source, idempotencyKey, receivedAt, payload, status, result)
           VALUES ('tawk', 'evt-old', ?, ?, 'kept', 'kept for replay: not understood')`,
        )
        .run(Date.now(), later).lastInsertRowid,
    );
    const replayed = await owner.webhook.replay({ id });
    expect(replayed.result).toMatch(/ticket:create: created ticket #3$/);
    expect(
      countOf(`SELECT count(*) AS n FROM EmailThread WHERE threadKey = 'tawk-ticket:kept-ticket-1'`),
    ).toBe(1);
    expect(rows<{ status: string }>('SELECT status FROM WebhookEvent WHERE id = ?', id)).toEqual([
      { status: 'processed' },
    ]);
  });

  it('nested too deep to walk is kept with a 2xx, not answered 500 on every retry', async () => {
    const deep = `{"event":"chat:start","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const reply = await postTawk(server.url, deep, { eventId: 'evt-deep' });
    expect(reply).toEqual({ status: 202, body: { ok: true, result: 'kept' } });
    const row = rows<{ result: string; length: number }>(
      `SELECT result, length(payload) AS length FROM WebhookEvent WHERE idempotencyKey = 'evt-deep'`,
    )[0];
    expect(row).toEqual({
      result: 'kept for replay: JSON nested deeper than 64 levels',
      length: deep.length,
    });
    expect((await postTawk(server.url, deep, { eventId: 'evt-deep' })).body.result).toBe('duplicate');
  });

  it('too large to read is refused with 413 before it is read, and leaves no row', async () => {
    // The body guard answers from Content-Length before the rate limits run, so a row per refusal
    // would let anyone fill the disk with 413s.
    const before = rows('SELECT COUNT(*) AS n FROM WebhookEvent');
    const huge = Buffer.alloc(5 * 1024 * 1024 + 1, 0x20);
    const res = await fetch(server.url, { method: 'POST', body: huge, headers: { 'x-tawk-signature': 'x' } });
    expect(res.status).toBe(413);
    expect(rows('SELECT COUNT(*) AS n FROM WebhookEvent')).toEqual(before);
  });
});
