// 2Checkout's own SDK sample notifications (packages/ingestion/test-corpus) sent over real HTTP as
// the reseller would: each is stored once, its retries are duplicates, forged or broken copies are
// refused with a reason, and every request is accounted for: in = stored + duplicates + refused.
import { readAvangateSamples, resignSample, samplePairs } from '@keydesk/ingestion/test-corpus';
import { expect, it } from 'vitest';
import { queryRows } from '../test-db.ts';
import { form, post, SECRETS, useWebhookServer } from './webhook-fixtures.ts';

let clock = new Date();

const testBed = useWebhookServer({ now: () => clock });

const all = <T>(sql: string, ...params: unknown[]) => queryRows<T>(testBed.db, sql, ...params);

it.each(readAvangateSamples())('stores $file once and accounts for every copy of it', async (sample) => {
  // The sample's IPN_DATE is wall-clock time at its TIMEZONE_OFFSET (GMT+03:00); a minute later.
  const ipnDate = String(sample.fields.IPN_DATE);
  clock = new Date(
    `${ipnDate.slice(0, 4)}-${ipnDate.slice(4, 6)}-${ipnDate.slice(6, 8)}T${ipnDate.slice(8, 10)}:${ipnDate.slice(10, 12)}:${ipnDate.slice(12, 14)}+03:00`,
  );
  clock = new Date(clock.getTime() + 60_000);
  const firstId = Number(
    testBed.db.sqlite.prepare('SELECT coalesce(max(id), 0) FROM WebhookEvent').pluck().get(),
  );
  const pairs = samplePairs(sample);
  const sha2 = form(resignSample(pairs, SECRETS.avangate, 'sha256'));
  const tampered = form(
    resignSample(pairs, SECRETS.avangate, 'sha256').map(([k, v]): [string, string] => [
      k,
      k === 'IPN_TOTALGENERAL' ? '999.00' : v,
    ]),
  );
  const requests: { body: string; expected: number }[] = [
    { body: sha2, expected: 200 },
    { body: sha2, expected: 200 },
    { body: form(resignSample(pairs, SECRETS.avangate, 'sha3-256')), expected: 200 },
    { body: tampered, expected: 401 },
    { body: form(resignSample(pairs, 'someone-else', 'md5')), expected: 401 },
    { body: form(pairs.filter(([k]) => !/^(HASH|SIGNATURE_)/.test(k))), expected: 401 },
    { body: sha2.slice(0, 200), expected: 401 },
  ];
  for (const [i, request] of requests.entries()) {
    const res = await post(`${testBed.server.url}/hooks/avangate`, request.body);
    expect(res.status, `request ${i}: ${res.text}`).toBe(request.expected);
    if (request.expected === 200)
      expect(res.text).toMatch(/^<sig algo="sha(3-)?256" date="\d{14}">[0-9a-f]{64}<\/sig>$/);
  }

  const rows = all<{ status: string; result: string; payload: string; customerId: number | null }>(
    'SELECT status, result, payload, customerId FROM WebhookEvent WHERE id > ? ORDER BY id',
    firstId,
  );
  const byStatus = (status: string) => rows.filter((r) => r.status === status);
  expect(byStatus('processed')).toHaveLength(1);
  expect(byStatus('duplicate')).toHaveLength(2);
  expect(byStatus('rejected')).toHaveLength(4);
  for (const row of byStatus('rejected')) {
    expect(row.result).toMatch(/^(bad-signature|unsigned|malformed): /);
    expect(row.payload).toBe('');
  }
  expect(rows.length).toBe(requests.length);

  const stored = byStatus('processed')[0];
  expect(stored?.customerId).not.toBeNull();
  expect(stored?.payload).toContain(`MESSAGE_ID=${sample.fields.MESSAGE_ID}`);
  expect(stored?.payload).not.toMatch(/CARD_|5547|PAYMETHOD|IPADDRESS|91\.220|_D=/);
  expect(
    all(
      `SELECT amountMinor, currency, product, quantity, status, purchasedAt FROM "Order" WHERE reseller = 'avangate' AND resellerOrderId = ?`,
      String(sample.fields.REFNO),
    ),
  ).toEqual([
    {
      amountMinor: 1,
      currency: 'RON',
      product: 'Dynamic product',
      quantity: 1,
      status: 'completed',
      purchasedAt: Date.parse('2023-06-09T12:26:18Z'),
    },
  ]);
});
