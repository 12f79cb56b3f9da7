// Property: whatever body arrives at /hooks/paypro or /hooks/avangate, the answer is 2xx or 4xx,
// every request is logged once, and the orders stay consistent.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { queryRows } from '../test-db.ts';
import { avangatePairs, form, payProPairs, post, useWebhookServer } from './webhook-fixtures.ts';

const now = new Date();
let sent = 0;

const testBed = useWebhookServer({ now: () => now, isCardFree: true });

const all = <T>(sql: string) => queryRows<T>(testBed.db, sql);

function expectConsistent() {
  expect(all<{ n: number }>('SELECT count(*) AS n FROM WebhookEvent')[0]?.n).toBe(sent);
  expect(
    all(
      `SELECT id FROM "Order" WHERE status NOT IN ('pending','canceled','completed','partially_refunded','refunded','charged_back')`,
    ),
  ).toEqual([]);
  expect(
    all(
      `SELECT l.id FROM License l JOIN "Order" o ON o.id = l.orderId WHERE o.status IN ('refunded','charged_back') AND l.status != 'revoked'`,
    ),
  ).toEqual([]);
  expect(
    all(
      'SELECT customerId FROM "Order" o WHERE customerId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM Customer c WHERE c.id = o.customerId)',
    ),
  ).toEqual([]);
  expect(all(`SELECT id FROM WebhookEvent WHERE status = 'processed' AND idempotencyKey IS NULL`)).toEqual(
    [],
  );
  // Nothing refused keeps its body; a kept payload that names a person names its customer too.
  expect(all(`SELECT id FROM WebhookEvent WHERE status IN ('rejected', 'failed') AND payload <> ''`)).toEqual(
    [],
  );
  expect(
    all(
      `SELECT id FROM WebhookEvent WHERE customerId IS NULL AND (payload LIKE '%CUSTOMER_EMAIL=%' OR payload LIKE '%CUSTOMEREMAIL=%')`,
    ),
  ).toEqual([]);
}

const fieldNames = fc.constantFrom(
  'ORDER_ID',
  'IPN_TYPE_ID',
  'SIGNATURE',
  'HASH',
  'REFNO',
  'IPN_PID[]',
  'IPN_DATE',
  'CUSTOMER_EMAIL',
  'x',
  'IPN_PNAME%5B%5D',
  '',
);
const randomForm = fc
  .array(fc.tuple(fieldNames, fc.string({ maxLength: 30 })), { maxLength: 12 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
const randomBody = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a).toString('latin1')),
  randomForm,
);

/** Signed notifications with one field replaced by random text: unsigned fields get through to the writer. */
function mutated(pairs: [string, string][], index: number, value: string): string {
  const i = index % pairs.length;
  return form(pairs.map(([k, v], j): [string, string] => [k, j === i ? value : v]));
}

const payProBody = fc.oneof(
  randomBody,
  fc
    .record({
      orderId: fc.integer({ min: 1, max: 40 }),
      type: fc.constantFrom(1, 2, 3, 5, 7, 12, 14),
      index: fc.nat(),
      value: fc.string({ maxLength: 40 }),
      mutate: fc.boolean(),
    })
    .map((r) => {
      const pairs = payProPairs({ orderId: r.orderId, type: r.type });
      return r.mutate ? mutated(pairs, r.index, r.value) : form(pairs);
    }),
);
const avangateBody = fc.oneof(
  randomBody,
  fc
    .record({
      refno: fc.integer({ min: 1, max: 40 }),
      status: fc.constantFrom('COMPLETE', 'REFUND', 'PENDING', 'CANCELED', 'CHARGEBACK', 'X'),
      index: fc.nat(),
      value: fc.string({ maxLength: 40 }),
      mutate: fc.boolean(),
      cut: fc.nat({ max: 100 }),
    })
    .map((r) => {
      const body = form(avangatePairs({ refno: r.refno, status: r.status, ipnDate: now }));
      if (r.cut < 10) return body.slice(0, Math.floor((body.length * r.cut) / 10));
      return r.mutate
        ? mutated(avangatePairs({ refno: r.refno, status: r.status, ipnDate: now }), r.index, r.value)
        : body;
    }),
);

it('answers every random body with 2xx or 4xx and keeps the database consistent', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('paypro', 'avangate'),
      payProBody,
      avangateBody,
      async (endpoint, pp, av) => {
        const res = await post(`${testBed.server.url}/hooks/${endpoint}`, endpoint === 'paypro' ? pp : av);
        sent++;
        expect(
          res.status === 200 || (res.status >= 400 && res.status < 500),
          `${res.status} ${res.text}`,
        ).toBe(true);
        expectConsistent();
      },
    ),
    { numRuns: 300 },
  );
  expect(
    all<{ n: number }>(`SELECT count(*) AS n FROM WebhookEvent WHERE status = 'processed'`)[0]?.n,
  ).toBeGreaterThan(10);
});
