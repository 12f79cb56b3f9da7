// What the real server keeps of each request to /hooks/*: unsigned or refused bodies never reach
// the disk, signed ones keep only their allow-listed fields, floods meet a 429, and reseller
// details land right (every PayPro product line, Avangate partial refunds and time zones).
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWebhookRateLimits } from '../../src/http/webhook-rate-limit.ts';
import { queryRows } from '../test-db.ts';
import {
  avangatePairs,
  form,
  payProPairs,
  post,
  startWebhookServer,
  useWebhookServer,
  ymdHis,
} from './webhook-fixtures.ts';

const now = new Date();
const HOOKS = ['paypro', 'avangate', 'newsletter', 'tawk'] as const;

const all = <T>(sql: string, ...params: unknown[]) => queryRows<T>(testBed.db, sql, ...params);
const one = <T>(sql: string, ...params: unknown[]) => all<T>(sql, ...params)[0] as T;

const testBed = useWebhookServer({ now: () => now });

/** The database's size once the WAL (which only reuses its frames) is copied back into it. */
function fileBytes(): number {
  testBed.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return (
    statSync(testBed.db.file).size +
    (statSync(`${testBed.db.file}-wal`, { throwIfNoEntry: false })?.size ?? 0)
  );
}

describe('unsigned and refused requests', () => {
  it('keeps a small record of 400 unsigned 60 KB bodies on every hook, never the body', async () => {
    const before = fileBytes();
    const body = `ORDER_ID=1&CUSTOMER_EMAIL=flood%40example.com&x=${'A'.repeat(60_000)}`;
    const statuses = new Set<number>();
    for (let i = 0; i < 400; i++) {
      const hook = HOOKS[i % HOOKS.length];
      statuses.add((await post(`${testBed.server.url}/hooks/${hook}`, body)).status);
    }
    expect([...statuses].every((s) => s >= 400 && s < 500)).toBe(true);
    const rows = all<{ source: string; payload: string; bodyBytes: number | null; result: string }>(
      `SELECT source, payload, bodyBytes, result FROM WebhookEvent WHERE status = 'rejected'`,
    );
    expect(rows.length).toBe(400);
    for (const row of rows) expect(row.payload, row.source).toBe('');
    // tawk.to's own handler (packages/conversations) records refusals without their size.
    for (const row of rows.filter((r) => r.source !== 'tawk')) expect(row.bodyBytes).toBe(body.length);
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(HOOKS));
    // 24 MB of bodies arrived; a small record each is a few hundred bytes (plus its audit entry).
    expect(fileBytes() - before).toBeLessThan(1_000_000);
  });

  it('refuses a badly signed notification without keeping any of it', async () => {
    const pairs = payProPairs({ orderId: 7001, type: 1, email: 'tampered@example.com' });
    const tampered = pairs.map(([k, v]): [string, string] => [k, k === 'ORDER_TOTAL_AMOUNT' ? '0.01' : v]);
    expect((await post(`${testBed.server.url}/hooks/paypro`, form(tampered))).status).toBe(401);
    const row = one<{ payload: string; result: string }>(
      'SELECT payload, result FROM WebhookEvent ORDER BY id DESC LIMIT 1',
    );
    expect(row).toEqual({ payload: '', result: expect.stringMatching(/^bad-signature/) });
  });
});

describe('signed notifications', () => {
  it('keeps a signed notification of unknown shape for replay and answers 200', async () => {
    const pairs = payProPairs({ orderId: 7002, type: 99 as number });
    const res = await post(`${testBed.server.url}/hooks/paypro`, form(pairs));
    expect(res.status).toBe(200);
    const row = one<{ status: string; payload: string }>(
      `SELECT status, payload FROM WebhookEvent ORDER BY id DESC LIMIT 1`,
    );
    expect(row.status).toBe('kept');
    expect(row.payload).toContain('IPN_TYPE_ID=99');
  });

  it('stores no card details, payment method or IP address of an Avangate notification', async () => {
    const extra: [string, string][] = [
      ['PAYMETHOD', 'Visa/MasterCard'],
      ['IPADDRESS', '91.220.121.21'],
      ['CARD_TYPE', 'mastercard'],
      ['CARD_LAST_DIGITS', '5547'],
      ['CARD_EXPIRATION_DATE', '05/27'],
    ];
    const res = await post(
      `${testBed.server.url}/hooks/avangate`,
      form(avangatePairs({ refno: 7003, status: 'COMPLETE', ipnDate: now, extra })),
    );
    expect(res.status).toBe(200);
    const payload = one<{ payload: string }>(
      `SELECT payload FROM WebhookEvent WHERE source = 'avangate' ORDER BY id DESC LIMIT 1`,
    ).payload;
    expect(payload).toContain('REFNO=7003');
    expect(payload).not.toMatch(/CARD_|PAYMETHOD|IPADDRESS|5547|05%2F27|91\.220/);
  });

  it('keeps every product of a PayPro order notified one product at a time', async () => {
    const item = (itemId: string, name: string, quantity: string) =>
      form(
        payProPairs({ orderId: 7004, type: 1 }).map(([k, v]): [string, string] => {
          if (k === 'ORDER_ITEM_ID') return [k, itemId];
          if (k === 'ORDER_ITEM_NAME') return [k, name];
          if (k === 'PRODUCT_QUANTITY') return [k, quantity];
          return [k, v];
        }),
      );
    expect((await post(`${testBed.server.url}/hooks/paypro`, item('11', 'Tessera 5', '3'))).status).toBe(200);
    expect((await post(`${testBed.server.url}/hooks/paypro`, item('12', 'Tessera Batch', '1'))).status).toBe(
      200,
    );
    expect((await post(`${testBed.server.url}/hooks/paypro`, item('12', 'Tessera Batch', '1'))).status).toBe(
      200,
    );
    const order = one<{ id: number; product: string; quantity: number }>(
      `SELECT id, product, quantity FROM "Order" WHERE resellerOrderId = '7004'`,
    );
    expect(order).toMatchObject({ product: 'Tessera 5', quantity: 4 });
    expect(all('SELECT product, quantity FROM OrderLine WHERE orderId = ? ORDER BY id', order.id)).toEqual([
      { product: 'Tessera 5', quantity: 3 },
      { product: 'Tessera Batch', quantity: 1 },
    ]);
  });

  it('records the amount of an Avangate partial refund', async () => {
    await post(
      `${testBed.server.url}/hooks/avangate`,
      form(avangatePairs({ refno: 7005, status: 'COMPLETE', ipnDate: now })),
    );
    const refund = avangatePairs({
      refno: 7005,
      status: 'REFUND',
      ipnDate: new Date(now.getTime() + 1000),
      total: '120.00',
      extra: [['REFUND_TYPE', 'PARTIAL']],
    });
    expect((await post(`${testBed.server.url}/hooks/avangate`, form(refund))).status).toBe(200);
    expect(
      one(`SELECT status, amountMinor, refundedMinor FROM "Order" WHERE resellerOrderId = '7005'`),
    ).toEqual({ status: 'partially_refunded', amountMinor: 54800, refundedMinor: 12000 });
  });

  it('accepts an account east of UTC: IPN_DATE in its own zone, named by TIMEZONE_OFFSET or not', async () => {
    const wallClock = new Date(now.getTime() + 3 * 3_600_000);
    /** Posts a completed order dated three hours ahead, in the zone TIMEZONE_OFFSET names if given. */
    const postAhead = async (refno: number, timezoneOffset?: string) => {
      const extra: [string, string][] = timezoneOffset ? [['TIMEZONE_OFFSET', timezoneOffset]] : [];
      const pairs = avangatePairs({ refno, status: 'COMPLETE', ipnDate: wallClock, extra });
      return (await post(`${testBed.server.url}/hooks/avangate`, form(pairs))).status;
    };
    expect(await postAhead(7006, 'GMT+03:00')).toBe(200);
    expect(await postAhead(7007)).toBe(200);
    // Named as UTC, three hours ahead is the future: refused as stale.
    expect(await postAhead(7008, 'GMT+00:00')).toBe(400);
    expect(ymdHis(wallClock)).not.toBe(ymdHis(now));
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once a client empties its bucket, hook by hook', async () => {
    const limited = await startWebhookServer(testBed.db, () => now, createWebhookRateLimits);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) statuses.push((await post(`${limited.url}/hooks/paypro`, 'a=1')).status);
      expect(statuses.every((s) => s === 401)).toBe(true);
      const res = await fetch(`${limited.url}/hooks/paypro`, { method: 'POST', body: 'a=1' });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await post(`${limited.url}/hooks/avangate`, 'a=1')).status).toBe(401);
    } finally {
      await limited.close();
    }
  });
});
