// Erasing a customer whose details came in through notifications of every kind (processed,
// duplicate, badly signed, unsigned, unrecognized, both resellers and the newsletter) leaves
// none of their name, address, phone or city anywhere in the database file or its WAL, in
// any encoding a form body or JSON may have used.
import { existsSync, readFileSync } from 'node:fs';
import { eraseCustomer } from '@keydesk/privacy';
import { expect, it } from 'vitest';
import {
  avangatePairs,
  form,
  payProPairs,
  post,
  subscribeOverWebhook,
  useWebhookServer,
} from './webhook-fixtures.ts';

const now = new Date();

const PERSON = {
  first: 'Ottoline',
  last: 'Vexborough',
  email: 'ottoline.vexborough@erase-me.example',
  phone: '+44 20 7946 0321',
  city: 'Knaresborough',
};

const testBed = useWebhookServer({ now: () => now });

/** The person's details as plain text, as a form body encodes them, and lower-cased. */
function needles(): string[] {
  const plain = [PERSON.last, PERSON.email, PERSON.phone, PERSON.city, `${PERSON.first} ${PERSON.last}`];
  const encoded = plain.flatMap((v) => [encodeURIComponent(v), encodeURIComponent(v).replace(/%20/g, '+')]);
  return [...new Set([...plain, ...encoded, ...plain.map((v) => v.toLowerCase())])];
}

function findInFile(): string[] {
  const bytes = Buffer.concat(
    [testBed.db.file, `${testBed.db.file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
  );
  return needles().filter((n) => bytes.includes(Buffer.from(n, 'utf8')));
}

const personFields: [string, string][] = [
  ['CUSTOMER_PHONE', PERSON.phone],
  ['CUSTOMER_CITY', PERSON.city],
  ['CUSTOMER_NAME', `${PERSON.first} ${PERSON.last}`],
];

it('leaves no trace of an erased customer in the file after notifications of every kind', async () => {
  const charged = form(payProPairs({ orderId: 8001, type: 1, email: PERSON.email, extra: personFields }));
  expect((await post(`${testBed.server.url}/hooks/paypro`, charged)).status).toBe(200);
  expect((await post(`${testBed.server.url}/hooks/paypro`, charged)).status).toBe(200);
  const badlySigned = form(
    payProPairs({ orderId: 8002, type: 1, email: PERSON.email, extra: personFields }).map(
      ([k, v]): [string, string] => [k, k === 'ORDER_TOTAL_AMOUNT' ? '1.00' : v],
    ),
  );
  expect((await post(`${testBed.server.url}/hooks/paypro`, badlySigned)).status).toBe(401);
  const unsigned = form(
    payProPairs({ orderId: 8003, type: 1, email: PERSON.email, extra: personFields }).filter(
      ([k]) => k !== 'SIGNATURE' && k !== 'HASH',
    ),
  );
  expect((await post(`${testBed.server.url}/hooks/paypro`, unsigned)).status).toBe(401);
  const unknownType = form(
    payProPairs({ orderId: 8004, type: 99, email: PERSON.email, extra: personFields }),
  );
  expect((await post(`${testBed.server.url}/hooks/paypro`, unknownType)).status).toBe(200);
  const avangate = avangatePairs({
    refno: 8005,
    status: 'COMPLETE',
    ipnDate: now,
    email: PERSON.email,
    extra: [
      ['PHONE', PERSON.phone],
      ['CITY', PERSON.city],
      ['CITY_D', PERSON.city],
    ],
  });
  expect((await post(`${testBed.server.url}/hooks/avangate`, form(avangate))).status).toBe(200);
  expect((await post(`${testBed.server.url}/hooks/avangate`, form(avangate))).status).toBe(200);
  expect(await subscribeOverWebhook(testBed.server.url, 'n1', PERSON.email, now)).toBe(200);

  const rows = testBed.db.sqlite
    .prepare('SELECT status, customerId, payload FROM WebhookEvent ORDER BY id')
    .safeIntegers(false)
    .all() as { status: string; customerId: number | null; payload: string }[];
  const customerId = rows[0]?.customerId ?? 0;
  expect(rows.map((r) => r.status)).toEqual([
    'processed',
    'duplicate',
    'rejected',
    'rejected',
    'kept',
    'processed',
    'duplicate',
    'processed',
  ]);
  // Every kept payload points at the customer; nothing refused kept a payload.
  for (const row of rows) if (row.payload !== '') expect(row.customerId, row.status).toBe(customerId);
  expect(findInFile()).not.toEqual([]);

  eraseCustomer({ db: testBed.db, customerId, confirmEmail: PERSON.email, now });

  expect(findInFile()).toEqual([]);
  expect(testBed.db.sqlite.prepare('SELECT count(*) FROM WebhookEvent').pluck().get()).toBe(8n);
});
