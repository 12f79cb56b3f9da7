// Real HTTP requests to the real server: signed, wrongly signed, replayed, reordered and truncated
// notifications from both resellers, checking the database after each.

import { checkLicenseKey } from '@keydesk/license-key';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../test-db.ts';
import {
  avangatePairs,
  expectedAvangateReceipt,
  form,
  newsletterRequest,
  payProPairs,
  post,
  useWebhookServer,
  ymdHis,
} from './webhook-fixtures.ts';

const now = new Date();

const q = <T>(sql: string, ...params: unknown[]) => queryRows<T>(testBed.db, sql, ...params);
const one = <T>(sql: string, ...params: unknown[]) => q<T>(sql, ...params)[0] as T;
const count = (sql: string, ...params: unknown[]) =>
  one<{ n: number }>(`SELECT count(*) AS n FROM ${sql}`, ...params).n;

const testBed = useWebhookServer({ now: () => now, isCardFree: true });

describe('POST /hooks/paypro', () => {
  it('creates customer, order and an issued license from a signed OrderCharged, once for ten deliveries', async () => {
    const body = form(
      payProPairs({
        orderId: 1001,
        type: 1,
        email: 'Ada@Example.COM',
        extra: [['CUSTOMER_NOTE', 'card 4111 1111 1111 1111']],
      }),
    );
    for (let i = 0; i < 10; i++)
      expect((await post(`${testBed.server.url}/hooks/paypro`, body)).status).toBe(200);
    const order = one<{ id: number; status: string; amountMinor: number; customerId: number }>(
      `SELECT id, status, amountMinor, customerId FROM "Order" WHERE reseller = 'paypro' AND resellerOrderId = '1001'`,
    );
    expect(order).toMatchObject({ status: 'completed', amountMinor: 4900 });
    expect(count('"Order" WHERE resellerOrderId = ?', '1001')).toBe(1);
    expect(
      q<{ email: string }>('SELECT email FROM CustomerEmail WHERE customerId = ?', order.customerId),
    ).toEqual([{ email: 'ada@example.com' }]);
    const licenses = q<{ key: string; status: string }>(
      'SELECT key, status FROM License WHERE orderId = ?',
      order.id,
    );
    expect(licenses).toHaveLength(1);
    expect(checkLicenseKey(licenses[0]?.key ?? '')).toBe('valid');
    expect(count(`WebhookEvent WHERE source = 'paypro' AND status = 'processed'`)).toBe(1);
    expect(count(`WebhookEvent WHERE source = 'paypro' AND status = 'duplicate'`)).toBe(9);
    const payload = one<{ payload: string }>(
      `SELECT payload FROM WebhookEvent WHERE status = 'processed'`,
    ).payload;
    // Only the fields a replay reads are kept: no free text, no card details.
    expect(payload).not.toContain('4111');
    expect(payload).not.toMatch(/CUSTOMER_NOTE|CREDIT_CARD|SIGNATURE|HASH/);
    expect(payload).toContain('ORDER_ID=1001');
  });

  it('matches a later order to the same customer by any of their emails, case-insensitively', async () => {
    await post(
      `${testBed.server.url}/hooks/paypro`,
      form(
        payProPairs({ orderId: 1002, type: 1, email: 'ADA@example.com', licenses: 'AAAA-1111,\tBBBB-2222' }),
      ),
    );
    const [a, b] = q<{ customerId: number }>(
      `SELECT customerId FROM "Order" WHERE resellerOrderId IN ('1001', '1002') ORDER BY id`,
    );
    expect(a?.customerId).toBe(b?.customerId);
    expect(
      q<{ key: string }>(
        `SELECT key FROM License WHERE orderId = (SELECT id FROM "Order" WHERE resellerOrderId = '1002') ORDER BY key`,
      ),
    ).toEqual([{ key: 'AAAA-1111' }, { key: 'BBBB-2222' }]);
  });

  it('rejects a wrongly signed or unsigned notification with 401 and an audit entry, writing no order', async () => {
    const pairs = payProPairs({ orderId: 1003, type: 1 });
    const tampered = pairs.map(([k, v]): [string, string] =>
      k === 'ORDER_TOTAL_AMOUNT' ? [k, '0.01'] : [k, v],
    );
    const tamperedNoHash = tampered.filter(([k]) => k !== 'HASH');
    expect((await post(`${testBed.server.url}/hooks/paypro`, form(tamperedNoHash))).status).toBe(401);
    const unsigned = pairs.filter(([k]) => k !== 'HASH' && k !== 'SIGNATURE');
    expect((await post(`${testBed.server.url}/hooks/paypro`, form(unsigned))).status).toBe(401);
    const wrongHash = pairs
      .filter(([k]) => k !== 'SIGNATURE')
      .map(([k, v]): [string, string] => (k === 'HASH' ? [k, 'deadbeef'] : [k, v]));
    expect((await post(`${testBed.server.url}/hooks/paypro`, form(wrongHash))).status).toBe(401);
    expect(count(`"Order" WHERE resellerOrderId = '1003'`)).toBe(0);
    expect(count(`AuditLog WHERE action = 'webhook.rejected'`)).toBe(3);
    expect(count(`WebhookEvent WHERE status = 'rejected'`)).toBe(3);
  });

  it('ends refunded with revoked licenses when the refund arrives before its order', async () => {
    expect(
      (await post(`${testBed.server.url}/hooks/paypro`, form(payProPairs({ orderId: 1004, type: 2 }))))
        .status,
    ).toBe(200);
    expect(one<{ status: string }>(`SELECT status FROM "Order" WHERE resellerOrderId = '1004'`).status).toBe(
      'refunded',
    );
    expect(
      (await post(`${testBed.server.url}/hooks/paypro`, form(payProPairs({ orderId: 1004, type: 1 }))))
        .status,
    ).toBe(200);
    const order = one<{ id: number; status: string; refundedMinor: number }>(
      `SELECT id, status, refundedMinor FROM "Order" WHERE resellerOrderId = '1004'`,
    );
    expect(order).toMatchObject({ status: 'refunded', refundedMinor: 4900 });
    const licenses = q<{ status: string }>('SELECT status FROM License WHERE orderId = ?', order.id);
    expect(licenses.length).toBeGreaterThan(0);
    expect(licenses.every((l) => l.status === 'revoked')).toBe(true);
  });

  it('revokes on chargeback and restores when the chargeback is won', async () => {
    await post(`${testBed.server.url}/hooks/paypro`, form(payProPairs({ orderId: 1005, type: 1 })));
    await post(`${testBed.server.url}/hooks/paypro`, form(payProPairs({ orderId: 1005, type: 3 })));
    const id = one<{ id: number }>(`SELECT id FROM "Order" WHERE resellerOrderId = '1005'`).id;
    expect(one<{ status: string }>('SELECT status FROM "Order" WHERE id = ?', id).status).toBe(
      'charged_back',
    );
    expect(one<{ status: string }>('SELECT status FROM License WHERE orderId = ?', id).status).toBe(
      'revoked',
    );
    await post(`${testBed.server.url}/hooks/paypro`, form(payProPairs({ orderId: 1005, type: 14 })));
    expect(one<{ status: string }>('SELECT status FROM "Order" WHERE id = ?', id).status).toBe('completed');
    expect(one<{ status: string }>('SELECT status FROM License WHERE orderId = ?', id).status).toBe('active');
  });

  it('answers LicenseRequested with the key, the same key on every retry', async () => {
    const body = form(payProPairs({ orderId: 1006, type: 12 }));
    const first = await post(`${testBed.server.url}/hooks/paypro`, body);
    const second = await post(`${testBed.server.url}/hooks/paypro`, body);
    expect(first.status).toBe(200);
    expect(checkLicenseKey(first.text)).toBe('valid');
    expect(second.text).toBe(first.text);
  });

  it('rejects truncated and malformed bodies with 4xx and keeps the database unchanged', async () => {
    const before = count('"Order"');
    const full = form(payProPairs({ orderId: 1007, type: 1 }));
    for (const body of [full.slice(0, full.length / 2), full.slice(0, 40), '', '%E0%A4%A', 'garbage']) {
      const res = await post(`${testBed.server.url}/hooks/paypro`, body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(count('"Order"')).toBe(before);
    expect((await post(`${testBed.server.url}/hooks/paypro`, Buffer.alloc(70_000, 97))).status).toBe(413);
  });
});

describe('POST /hooks/avangate', () => {
  const pnames: [string, string] = ['1', 'Tessera Batch'];

  it.each(['sha256', 'sha3-256', 'md5'] as const)(
    'accepts a %s-signed COMPLETE and answers with the read receipt',
    async (algorithm) => {
      const refno = { sha256: 5001, 'sha3-256': 5002, md5: 5003 }[algorithm];
      const pairs = avangatePairs({
        refno,
        status: 'COMPLETE',
        ipnDate: now,
        algorithm,
        codes: algorithm === 'md5' ? 'AV-KEY-1' : '',
      });
      const res = await post(`${testBed.server.url}/hooks/avangate`, form(pairs));
      expect(res.status).toBe(200);
      const date = ymdHis(now);
      const hash = expectedAvangateReceipt(algorithm, [...pnames, ymdHis(now)], date);
      expect(res.text).toBe(
        algorithm === 'md5'
          ? `<EPAYMENT>${date}|${hash}</EPAYMENT>`
          : `<sig algo="${algorithm}" date="${date}">${hash}</sig>`,
      );
      const order = one<{ id: number; amountMinor: number; quantity: number }>(
        `SELECT id, amountMinor, quantity FROM "Order" WHERE reseller = 'avangate' AND resellerOrderId = ?`,
        String(refno),
      );
      expect(order).toMatchObject({ amountMinor: 54800, quantity: 3 });
      expect(count('License WHERE orderId = ?', order.id)).toBe(2);
    },
  );

  it('accepts brackets sent percent-encoded and unencoded alike', async () => {
    const pairs = avangatePairs({ refno: 5004, status: 'COMPLETE', ipnDate: now });
    const raw = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    expect((await post(`${testBed.server.url}/hooks/avangate`, raw)).status).toBe(200);
  });

  it('rejects a tampered, reordered-field or stale notification', async () => {
    const pairs = avangatePairs({ refno: 5005, status: 'COMPLETE', ipnDate: now });
    const tampered = pairs.map(([k, v]): [string, string] =>
      k === 'IPN_TOTALGENERAL' ? [k, '1.00'] : [k, v],
    );
    expect((await post(`${testBed.server.url}/hooks/avangate`, form(tampered))).status).toBe(401);
    const swapped = [pairs[1], pairs[0], ...pairs.slice(2)] as [string, string][];
    expect((await post(`${testBed.server.url}/hooks/avangate`, form(swapped))).status).toBe(401);
    const stale = avangatePairs({
      refno: 5005,
      status: 'COMPLETE',
      ipnDate: new Date(now.getTime() - 4 * 24 * 3_600_000),
    });
    const res = await post(`${testBed.server.url}/hooks/avangate`, form(stale));
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/IPN_DATE/);
    expect(count(`"Order" WHERE resellerOrderId = '5005'`)).toBe(0);
  });

  it('handles a replayed notification once and a refund before its order', async () => {
    const complete = form(avangatePairs({ refno: 5006, status: 'COMPLETE', ipnDate: now }));
    const refund = form(
      avangatePairs({ refno: 5006, status: 'REFUND', ipnDate: new Date(now.getTime() + 1000) }),
    );
    expect((await post(`${testBed.server.url}/hooks/avangate`, refund)).status).toBe(200);
    expect((await post(`${testBed.server.url}/hooks/avangate`, complete)).status).toBe(200);
    expect((await post(`${testBed.server.url}/hooks/avangate`, complete)).status).toBe(200);
    const order = one<{ id: number; status: string }>(
      `SELECT id, status FROM "Order" WHERE resellerOrderId = '5006'`,
    );
    expect(order.status).toBe('refunded');
    expect(q<{ status: string }>('SELECT DISTINCT status FROM License WHERE orderId = ?', order.id)).toEqual([
      { status: 'revoked' },
    ]);
    expect(count(`WebhookEvent WHERE source = 'avangate' AND status = 'duplicate'`)).toBe(1);
  });
});

describe('POST /hooks/newsletter', () => {
  it('subscribes, unsubscribes, and only a newer explicit subscribe brings an address back', async () => {
    const t = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
    const send = (payload: Record<string, unknown>) => {
      const req = newsletterRequest(payload);
      return post(`${testBed.server.url}/hooks/newsletter`, req.body, req.headers);
    };
    expect(
      (await send({ id: 'e1', email: 'Ada@example.com', action: 'subscribe', time: t(30) })).status,
    ).toBe(200);
    const state = () =>
      one<{ status: string; customerId: number | null }>(
        `SELECT status, customerId FROM NewsletterSubscription WHERE email = 'ada@example.com'`,
      );
    expect(state().status).toBe('subscribed');
    expect(state().customerId).not.toBeNull();
    await send({ id: 'e2', email: 'ada@example.com', action: 'unsubscribe', time: t(20) });
    expect(state().status).toBe('unsubscribed');
    await send({ id: 'e3', email: 'ada@example.com', action: 'subscribe', time: t(25) });
    expect(state().status).toBe('unsubscribed');
    await send({ id: 'e4', email: 'ada@example.com', action: 'subscribe', time: t(10) });
    expect(state().status).toBe('subscribed');
    const bad = newsletterRequest(
      { id: 'e5', email: 'ada@example.com', action: 'unsubscribe', time: t(1) },
      'wrong',
    );
    expect((await post(`${testBed.server.url}/hooks/newsletter`, bad.body, bad.headers)).status).toBe(401);
    expect(state().status).toBe('subscribed');
  });
});
