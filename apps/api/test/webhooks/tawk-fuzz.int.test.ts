// Property: whatever correctly signed body reaches the real /hooks/tawk route (arbitrary JSON, deep
// nesting, __proto__/constructor keys, huge strings, documented payloads with a field of the wrong
// type, not JSON at all), the answer is 2xx and the event is never lost: it is stored, or kept with
// its body for replay. No 5xx, no stack overflow, no card number left in the file.
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { redactJson, scanForCardNumbers } from '@keydesk/privacy';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postTawk, startTawkServer, tawkCorpus } from './tawk-fixtures.ts';

let db: TestDb;
let server: Awaited<ReturnType<typeof startTawkServer>>;
let sent = 0;

beforeAll(async () => {
  db = await createTestDb();
  server = await startTawkServer(db);
});
afterAll(async () => {
  await server?.close();
  if (db) expect(scanForCardNumbers(db.file)).toEqual([]);
  await db?.destroy();
});

/** JSON text built by hand, so keys like __proto__ reach the wire exactly as written. */
type Node = string;
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'event',
  'chatId',
  'time',
  'chat',
  'id',
  'visitor',
  'email',
  'messages',
  'sender',
  't',
  'n',
  'msg',
  'message',
  'text',
  'type',
  'ticket',
  'humanId',
  'subject',
  'requester',
];
const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 }));
const scalar: fc.Arbitrary<Node> = fc.oneof(
  fc.constantFrom(
    '"chat:start"',
    '"chat:end"',
    '"chat:transcript_created"',
    '"ticket:create"',
    '"2024-07-03T01:02:37.780Z"',
    '"v"',
    '"a@b.co"',
    'null',
    'true',
    '0',
    '-1e400',
    '"4111 1111 1111 1111"',
  ),
  fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
  fc.integer().map(String), // not doubles: '4.478…e-44' reads as a dotted card number to the byte scan
);
const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('node'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(key, tie('node')), { maxLength: 5 })
      .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
}));

/** A documented payload with one field (at any depth) replaced by an arbitrary value. */
const corpus = tawkCorpus().map((f) => JSON.parse(f.body.toString('utf8')) as unknown);
const mutatedDocument = fc.tuple(fc.nat(), fc.nat(), node).map(([which, where, replacement]) => {
  const doc = structuredClone(corpus[which % corpus.length]);
  const slots: { parent: Record<string, unknown>; key: string }[] = [];
  const walk = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value)) {
      slots.push({ parent: value as Record<string, unknown>, key: k });
      walk(v);
    }
  };
  walk(doc);
  const slot = slots[where % slots.length];
  const marker = '\u0000REPLACED\u0000';
  if (slot) slot.parent[slot.key] = marker;
  return JSON.stringify(doc).replace(JSON.stringify(marker), replacement);
});

const deepNesting = fc
  .tuple(fc.integer({ min: 60, max: 20_000 }), fc.constantFrom('[', '{"a":'))
  .map(([depth, open]) => {
    const close = open === '[' ? ']' : '}';
    return `{"event":"chat:start","chatId":"deep","time":"2024-07-03T01:02:37Z","x":${open.repeat(depth)}0${close.repeat(depth)}}`;
  });
const hugeString = fc
  .tuple(fc.integer({ min: 10_000, max: 1_000_000 }), fc.constantFrom('msg', 'subject', 'name'))
  .map(([length, field]) => {
    const text = JSON.stringify('ab "c" \\ ü '.repeat(Math.ceil(length / 12)).slice(0, length));
    if (field === 'subject')
      return `{"event":"ticket:create","time":"2024-07-03T01:02:37Z","ticket":{"id":"h1","subject":${text}}}`;
    return `{"event":"chat:transcript_created","time":"2024-07-03T01:02:37Z","chat":{"id":"h2","visitor":{"name":${text}},"messages":[{"sender":{"t":"v"},"msg":${text}}]}}`;
  });
const notJson = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

const body = fc.oneof(
  { weight: 4, arbitrary: mutatedDocument },
  { weight: 3, arbitrary: node },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: notJson },
);

it('answers every correctly signed body 2xx and stores or keeps it, never a 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(body, async (text) => {
      sent++;
      const eventId = `prop-${sent}`;
      const reply = await postTawk(server.url, text, { eventId });
      expect([200, 202]).toContain(reply.status);
      const row = db.sqlite
        .prepare('SELECT status, payload, result FROM WebhookEvent WHERE idempotencyKey = ?')
        .safeIntegers(false)
        .get(eventId) as { status: string; payload: string; result: string } | undefined;
      expect(row?.status).toBe(reply.status === 200 ? 'processed' : 'kept');
      // Nothing lost: the stored body is the sent one (card numbers redacted), key for key.
      if (row?.result.includes('nested deeper')) {
        expect(row.payload).toBe(text);
        return;
      }
      let sentValue: unknown;
      try {
        sentValue = JSON.parse(text);
      } catch {
        expect(row?.result).toMatch(/^kept for replay: not JSON/);
        return;
      }
      expect(row?.payload).toBe(JSON.stringify(redactJson(sentValue)));
    }),
    { numRuns: 250 },
  );
  const rows = db.sqlite
    .prepare(`SELECT status, count(*) AS n FROM WebhookEvent GROUP BY status`)
    .safeIntegers(false)
    .all() as { status: string; n: number }[];
  expect(rows.reduce((total, r) => total + r.n, 0)).toBe(sent);
  expect(rows.filter((r) => r.status !== 'processed' && r.status !== 'kept')).toEqual([]);
}, 300_000);
