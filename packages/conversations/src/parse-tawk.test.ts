import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestingDepth, parseJsonWithinDepth } from './bounded-json.ts';
import { MalformedChatError, parseTawkEvent } from './parse-tawk.ts';

const corpusDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-corpus/tawk-webhooks');
const corpus = Object.fromEntries(
  readdirSync(corpusDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => [name, JSON.parse(readFileSync(path.join(corpusDir, name), 'utf8')) as unknown]),
);

describe('parseTawkEvent on the documented payloads', () => {
  it('reads a transcript whose chat id is inside chat.id, with short message fields', () => {
    const event = parseTawkEvent(corpus['chat-transcript-created.json']);
    expect(event.kind).toBe('chat');
    if (event.kind !== 'chat') return;
    expect(event.chat).toMatchObject({
      externalId: '70fe3290-99ad-11e9-a30a-51567162179f',
      visitorEmail: 'hello@test.com',
      visitorCountry: 'LV',
      startedAt: new Date('2024-07-03T01:02:37.780Z'),
      endedAt: new Date('2024-07-03T01:02:37.780Z'),
    });
    expect(event.chat.messages.map((m) => [m.senderType, m.senderName, m.text])).toEqual([
      ['system', 'Customer Support', 'Hi! How can we help?'],
      ['visitor', null, 'Tell me more'],
      ['agent', 'Bob', 'Our burgers are made fresh every day.'],
    ]);
  });

  it('reads a ticket with its requester', () => {
    expect(parseTawkEvent(corpus['ticket-create.json'])).toEqual({
      kind: 'ticket',
      event: 'ticket:create',
      ticket: {
        externalId: '02598050-99ae-11e9-8887-97564881b95b',
        humanId: '3',
        subject: 'Testing',
        message: 'This is a test message',
        requesterName: 'V1561719148780935',
        requesterEmail: 'hello@test.com',
        createdAt: new Date('2019-06-28T14:07:13.512Z'),
      },
    });
  });

  it('reads every corpus file', () => {
    for (const [name, body] of Object.entries(corpus)) expect(() => parseTawkEvent(body), name).not.toThrow();
  });

  it('names what it cannot read', () => {
    expect(() => parseTawkEvent({ event: 'chat:rated' })).toThrow(/unknown event "chat:rated"/);
    expect(() => parseTawkEvent({ event: 'ticket:create', time: 'x', ticket: { id: 't' } })).toThrow(
      /without a valid time/,
    );
    expect(() => parseTawkEvent({ event: 'chat:end', time: '2024-01-01T00:00:00Z' })).toThrow(
      /without chatId/,
    );
  });

  it('throws nothing but MalformedChatError, whatever JSON arrives', () => {
    const events = fc.constantFrom('chat:start', 'chat:end', 'chat:transcript_created', 'ticket:create');
    const shaped = fc.record(
      {
        event: events,
        chatId: fc.jsonValue({ maxDepth: 2 }),
        time: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.jsonValue(),
        ),
        message: fc.jsonValue({ maxDepth: 3 }),
        visitor: fc.jsonValue({ maxDepth: 2 }),
        chat: fc.record(
          { id: fc.jsonValue({ maxDepth: 1 }), messages: fc.jsonValue({ maxDepth: 4 }) },
          { requiredKeys: [] },
        ),
        ticket: fc.jsonValue({ maxDepth: 2 }),
        requester: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: ['event'] },
    );
    void fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), shaped), (body) => {
        try {
          parseTawkEvent(body);
        } catch (error) {
          expect(error).toBeInstanceOf(MalformedChatError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseJsonWithinDepth', () => {
  const depthOf = (value: unknown): number =>
    value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;

  it('measures the nesting JSON.parse would build, ignoring brackets inside strings', () => {
    void fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        expect(nestingDepth(JSON.stringify(value), 100)).toBe(depthOf(value));
      }),
    );
    expect(nestingDepth('{"a":"[[[\\"{{"}', 10)).toBe(1);
  });

  it('refuses to build a value deeper than the limit', () => {
    expect(parseJsonWithinDepth(`${'['.repeat(65)}${']'.repeat(65)}`)).toEqual({
      ok: false,
      reason: 'JSON nested deeper than 64 levels',
    });
    expect(parseJsonWithinDepth(`${'['.repeat(64)}${']'.repeat(64)}`).ok).toBe(true);
    expect(parseJsonWithinDepth('{"event":').ok).toBe(false);
  });
});
