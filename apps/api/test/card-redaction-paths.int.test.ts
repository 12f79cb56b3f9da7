// Property: a card number in any disguise (packages/privacy card-number-arbitraries.ts), sent
// through every way text gets into Keydesk, is redacted before it is written. Each path goes
// through its real entry point (HTTP for webhooks, the import functions on real files, the note
// writer), and the database file, its WAL and every row are then scanned for card numbers in
// every encoding the scanner knows.
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { importMbox } from '@keydesk/conversations';
import { addCustomerNote } from '@keydesk/customers';
import { createNewsletterCsvKind, createOrderCsvKind, runCsvImport } from '@keydesk/ingestion';
import { scanDatabaseRowsForCardNumbers, scanForCardNumbers } from '@keydesk/privacy';
import { cardInText, type DisguisedCard } from '@keydesk/privacy/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mboxMessage } from './mbox-message.ts';
import { postTawk } from './webhooks/tawk-fixtures.ts';
import {
  avangatePairs,
  form,
  payProPairs,
  post,
  SECRETS,
  useWebhookServer,
} from './webhooks/webhook-fixtures.ts';

const now = new Date();
const RUNS = { numRuns: 25 };
let serial = 0;

const testBed = useWebhookServer({ now: () => now });

/** Nothing card-shaped anywhere: file bytes (main, WAL) and every value of every row. */
function expectNoCardStored() {
  expect(scanForCardNumbers(testBed.db.file)).toEqual([]);
  expect(scanDatabaseRowsForCardNumbers(testBed.db.sqlite)).toEqual([]);
}

/** JSON whose non-ASCII characters and whitespace are all \u-escaped, as some senders write it. */
const asciiJson = (value: unknown) =>
  JSON.stringify(value).replace(
    /[^\x21-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

const formBody = (pairs: [string, string][], spaces: 'plus' | 'percent', broken: boolean) => {
  const body = spaces === 'plus' ? form(pairs).replace(/%20/g, '+') : form(pairs);
  // A broken %-escape makes the body unparseable: it is stored raw, so redaction must read raw.
  return broken ? `${body}&BROKEN=%ZZ` : body;
};

const resellerCase = fc.record({
  card: cardInText(),
  spaces: fc.constantFrom<'plus' | 'percent'>('plus', 'percent'),
  variant: fc.constantFrom('signed', 'signed', 'bad-signature', 'broken'),
});
type ResellerCase = typeof resellerCase extends fc.Arbitrary<infer T> ? T : never;

/** Posts each generated case's form to a reseller hook, then checks that no card was stored. */
async function expectResellerHookRedacts(hook: string, pairsOf: (c: ResellerCase) => [string, string][]) {
  await fc.assert(
    fc.asyncProperty(resellerCase, async (c) => {
      const res = await post(
        `${testBed.server.url}/hooks/${hook}`,
        formBody(pairsOf(c), c.spaces, c.variant === 'broken'),
      );
      expect(res.status).toBeLessThan(500);
    }),
    RUNS,
  );
  expectNoCardStored();
}

describe('every input path redacts card numbers before writing', () => {
  it('PayPro webhook over HTTP (form-encoded, signed, wrongly signed, unparseable)', () =>
    expectResellerHookRedacts('paypro', ({ card, variant }) =>
      payProPairs({
        orderId: 500_000 + serial++,
        type: 1,
        extra: [['CUSTOMER_NOTE', card.text]],
      }).map(([k, v]): [string, string] =>
        k === 'CUSTOMER_FIRST_NAME'
          ? [k, card.text]
          : k === 'SIGNATURE' && variant === 'bad-signature'
            ? [k, 'ab']
            : [k, v],
      ),
    ));

  it('Avangate webhook over HTTP', () =>
    expectResellerHookRedacts('avangate', ({ card, variant }) => {
      const pairs = avangatePairs({
        refno: 700_000 + serial++,
        status: 'COMPLETE',
        ipnDate: now,
        extra: [['ADDRESS1', card.text]],
      });
      return variant === 'bad-signature'
        ? pairs.map(([k, v]): [string, string] => [k, k.startsWith('SIGNATURE') ? '00' : v])
        : pairs;
    }));

  it('tawk.to webhook over HTTP (JSON, also \\u-escaped)', async () => {
    await fc.assert(
      fc.asyncProperty(cardInText(), fc.boolean(), async (card, isAsciiJson) => {
        const id = `chat-${serial++}`;
        const event = {
          event: 'chat:start',
          chatId: id,
          time: now.toISOString(),
          message: { text: card.text, type: 'msg', sender: { type: 'visitor' } },
          visitor: { name: card.text, email: `${id}@visitor.example` },
          property: { id: 'p1', name: 'Tessera' },
        };
        const body = isAsciiJson ? asciiJson(event) : JSON.stringify(event);
        expect((await postTawk(`${testBed.server.url}/hooks/tawk`, body, { eventId: id })).status).toBe(200);
      }),
      RUNS,
    );
    expectNoCardStored();
  });

  it('newsletter webhook over HTTP (raw JSON kept)', async () => {
    await fc.assert(
      fc.asyncProperty(cardInText(), fc.boolean(), async (card, isAsciiJson) => {
        const payload = {
          id: `nl-${serial++}`,
          email: `nl${serial}@example.com`,
          action: 'subscribe',
          time: now.toISOString(),
          note: card.text,
        };
        const body = isAsciiJson ? asciiJson(payload) : JSON.stringify(payload);
        const res = await post(`${testBed.server.url}/hooks/newsletter`, body, {
          'content-type': 'application/json',
          'x-keydesk-signature': `sha256=${createHmac('sha256', SECRETS.newsletter).update(body).digest('hex')}`,
        });
        expect(res.status).toBe(200);
      }),
      RUNS,
    );
    expectNoCardStored();
  });

  it('mbox import: subject, text and HTML bodies, .txt/.csv/.html attachments', async () => {
    const cards = fc.sample(cardInText(), { numRuns: 25 });
    const file = path.join(testBed.db.dir, 'cards.mbox');
    writeFileSync(file, cards.map((card, i) => cardMessage(card, i)).join(''));
    const summary = await importMbox({ db: testBed.db, file, now: () => now, parseWorkers: 0 });
    expect(summary.created).toBe(cards.length);
    expect(testBed.db.sqlite.prepare('SELECT count(*) FROM EmailAttachment').pluck().get()).toBe(
      BigInt(cards.length * 3),
    );
    expectNoCardStored();
  });

  it('order and newsletter CSV imports, rejected rows included', async () => {
    const cards = fc.sample(cardInText(), { numRuns: 25 });
    const csv = (card: DisguisedCard) => `"${card.text.replace(/"/g, '""')}"`;
    const orders = path.join(testBed.db.dir, 'orders.csv');
    writeFileSync(
      orders,
      [
        'Order ID,Order Date,Order Status,Customer Email,Customer Name,Country,Product Name,SKU,Quantity,Order Total,Currency,License Keys',
        ...cards.flatMap((card, i) => [
          `${900_000 + i},11/20/2026 10:00:00 AM,Processed,csv${i}@example.com,${csv(card)},DE,Tessera 5,Pro,1,"9.00",EUR,`,
          `${950_000 + i},11/20/2026 10:00:00 AM,Processed,csv${i}@example.com,X,DE,Tessera 5,Pro,1,${csv(card)},EUR,`,
        ]),
      ].join('\n'),
    );
    const orderRun = await runCsvImport({
      db: testBed.db,
      now: () => now,
      file: orders,
      kind: createOrderCsvKind('paypro'),
    });
    expect(orderRun).toMatchObject({ created: cards.length, rejected: cards.length });
    const newsletter = path.join(testBed.db.dir, 'newsletter.csv');
    writeFileSync(
      newsletter,
      [
        'Email,Status',
        ...cards.flatMap((card, i) => [`nlcsv${i}@example.com,subscribed`, `${csv(card)},subscribed`]),
      ].join('\n'),
    );
    const newsletterRun = await runCsvImport({
      db: testBed.db,
      now: () => now,
      file: newsletter,
      kind: createNewsletterCsvKind(),
    });
    expect(newsletterRun).toMatchObject({ created: cards.length, rejected: cards.length });
    expectNoCardStored();
  });

  it('customer notes', async () => {
    const customerId = Number(
      testBed.db.sqlite.prepare('SELECT id FROM Customer LIMIT 1').pluck().safeIntegers(false).get(),
    );
    await fc.assert(
      fc.property(cardInText(), (card) => {
        addCustomerNote({ db: testBed.db, customerId, body: card.text, now });
      }),
      RUNS,
    );
    expectNoCardStored();
  });
});

function cardMessage(card: DisguisedCard, i: number): string {
  const b64 = (text: string) => Buffer.from(text).toString('base64').replace(/.{76}/g, '$&\r\n');
  const part = (type: string, body: string, filename?: string) =>
    [
      `Content-Type: ${type}; charset=utf-8${filename ? `; name="${filename}"` : ''}`,
      'Content-Transfer-Encoding: base64',
      ...(filename ? [`Content-Disposition: attachment; filename="${filename}"`] : []),
      '',
      b64(body),
    ].join('\r\n');
  const html = `<p>Please charge ${card.text}</p>`;
  return mboxMessage({
    envelopeSender: `card${i}@example.com`,
    headers: [
      `From: Card Sender <card${i}@example.com>`,
      `Subject: =?utf-8?B?${Buffer.from(`Card ${card.text.replace(/[\r\n]/g, ' ')}`).toString('base64')}?=`,
      `Message-ID: <card-${i}@example.com>`,
    ],
    text: part('text/plain', `Hello,\r\nmy card: ${card.text}\r\n`),
    html: part('text/html', html),
    attachments: [
      part('text/plain', `card,${card.text}\r\n`, 'card.txt'),
      part('text/csv', `name,card\r\nA,"${card.text}"\r\n`, 'cards.csv'),
      part('text/html', html, 'card.html'),
    ],
  });
}
