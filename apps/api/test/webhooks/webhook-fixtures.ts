// Builds reseller notifications signed the way PayPro Global and Avangate sign them, and a real
// server on a free port to send them to, with a fresh database, for one test file.
import { createHash, createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Db } from '@keydesk/db';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { scanForCardNumbers } from '@keydesk/privacy';
import { afterAll, beforeAll, expect } from 'vitest';
import { unlimitedHttpRoutes } from '../../src/http/routes.ts';
import { TokenBucketLimiter } from '../../src/http/token-bucket.ts';
import { rateLimitWebhooks, type WebhookRateLimits } from '../../src/http/webhook-rate-limit.ts';
import { createServer } from '../../src/server.ts';
import { createServicesForTest } from '../test-services.ts';

export const SECRETS = {
  payproValidation: 'pp-validation-key',
  payproSecret: 'pp-secret-key',
  avangate: 'av-secret-key',
  newsletter: 'nl-shared-secret',
  tawk: 'tawk-secret',
};

/** Limits no test sequence reaches, for tests about everything but the limits (their clock stands still). */
export const roomyLimits = (): WebhookRateLimits => ({
  perClient: new TokenBucketLimiter({ capacity: 1_000_000, refillPerSecond: 1 }),
  perHook: new TokenBucketLimiter({ capacity: 1_000_000, refillPerSecond: 1 }),
});

export async function startWebhookServer(
  db: Db,
  now: () => Date = () => new Date(),
  makeLimits: () => WebhookRateLimits = roomyLimits,
) {
  const services = createServicesForTest(db, { now });
  services.settings.setSecret('paypro.validationKey', SECRETS.payproValidation);
  services.settings.setSecret('paypro.secretKey', SECRETS.payproSecret);
  services.settings.setSecret('avangate.secretKey', SECRETS.avangate);
  services.settings.setSecret('newsletter.secret', SECRETS.newsletter);
  services.settings.setSecret('tawk.webhookSecret', SECRETS.tawk);
  const server = createServer({ services, routes: rateLimitWebhooks(unlimitedHttpRoutes, makeLimits) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    services,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type WebhookServer = Awaited<ReturnType<typeof startWebhookServer>>;
export type WebhookTestBed = { db: TestDb; server: WebhookServer };

/**
 * A fresh database (after `seed`) and the webhook server on it for one file's tests: started before
 * the first, closed after the last, the file first checked for card numbers when `isCardFree`.
 * The returned `db` and `server` may be read from the first test on.
 */
export function useWebhookServer(options: {
  now?: () => Date;
  seed?: (db: TestDb) => void;
  isCardFree?: boolean;
}): WebhookTestBed {
  let bed: WebhookTestBed | undefined;
  beforeAll(async () => {
    const db = await createTestDb();
    options.seed?.(db);
    bed = { db, server: await startWebhookServer(db, options.now) };
  });
  afterAll(async () => {
    if (!bed) return;
    await bed.server.close();
    if (options.isCardFree) expect(scanForCardNumbers(bed.db.file)).toEqual([]);
    await bed.db.destroy();
  });
  const started = (): WebhookTestBed => {
    if (!bed) throw new Error('The webhook server starts before the first test; read it inside a test.');
    return bed;
  };
  return {
    get db() {
      return started().db;
    },
    get server() {
      return started().server;
    },
  };
}

export async function post(url: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
  return { status: res.status, text: await res.text() };
}

export const form = (pairs: [string, string][]) =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

const TYPE_NAMES: Record<number, string> = {
  1: 'OrderCharged',
  2: 'OrderRefunded',
  3: 'OrderChargedBack',
  5: 'OrderPartiallyRefunded',
  12: 'LicenseRequested',
  14: 'OrderChargebackIsWon',
};

export function payProPairs(options: {
  orderId: number;
  type: number;
  email?: string;
  total?: string;
  licenses?: string;
  extra?: [string, string][];
  testMode?: '0' | '1';
}): [string, string][] {
  const email = options.email ?? `buyer${options.orderId}@example.com`;
  const total = options.total ?? '49.00';
  const status = options.type === 2 ? 'Refunded' : options.type === 3 ? 'Chargeback' : 'Processed';
  const testMode = options.testMode ?? '0';
  const typeName = TYPE_NAMES[options.type] ?? 'OrderCharged';
  const signature = createHash('sha256')
    .update(`${options.orderId}${status}${total}${email}${SECRETS.payproValidation}${testMode}${typeName}`)
    .digest('hex')
    .toUpperCase();
  return [
    ['IPN_TYPE_ID', String(options.type)],
    ['IPN_TYPE_NAME', typeName],
    ['ORDER_ID', String(options.orderId)],
    ['ORDER_ITEM_ID', '1'],
    ['ORDER_STATUS', status],
    ['ORDER_TOTAL_AMOUNT', total],
    ['ORDER_CURRENCY_CODE', 'EUR'],
    ['ORDER_PLACED_TIME_UTC', '2026-11-20 10:00:00'],
    ['CUSTOMER_EMAIL', email],
    ['CUSTOMER_FIRST_NAME', 'Ada'],
    ['CUSTOMER_LAST_NAME', 'Lovelace'],
    ['CUSTOMER_COUNTRY_CODE', 'GB'],
    ['ORDER_ITEM_NAME', 'Tessera 5'],
    ['ORDER_ITEM_SKU', 'Pro'],
    ['PRODUCT_QUANTITY', '1'],
    ['ORDER_ITEM_LICENSES', options.licenses ?? ''],
    ['TEST_MODE', testMode],
    ['CREDIT_CARD_BIN', '411111'],
    ['CREDIT_CARD_LAST4', '1111'],
    ...(options.extra ?? []),
    ['SIGNATURE', signature],
    ['HASH', createHash('md5').update(`${options.orderId}${SECRETS.payproSecret}`).digest('hex')],
  ];
}

const lengthPrefixed = (values: string[]) => values.map((v) => `${Buffer.byteLength(v)}${v}`).join('');

export function ymdHis(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Avangate fields in their fixed order, signed over the length-prefixed values. */
export function avangatePairs(options: {
  refno: number;
  status: string;
  ipnDate: Date;
  email?: string;
  algorithm?: 'sha256' | 'sha3-256' | 'md5';
  extra?: [string, string][];
  codes?: string;
  total?: string;
}): [string, string][] {
  const pairs: [string, string][] = [
    ['SALEDATE', '2026-11-20 10:00:00'],
    ['REFNO', String(options.refno)],
    ['REFNOEXT', ''],
    ['ORDERNO', '0'],
    ['ORDERSTATUS', options.status],
    ['FIRSTNAME', 'Grace'],
    ['LASTNAME', 'Hopper'],
    ['CUSTOMEREMAIL', options.email ?? `buyer${options.refno}@example.org`],
    ['COUNTRY_CODE', 'us'],
    ['IPN_PID[]', '1'],
    ['IPN_PNAME[]', 'Tessera Batch'],
    ['IPN_PCODE[]', 'Site'],
    ['IPN_QTY[]', '1'],
    ['IPN_DELIVEREDCODES[]', options.codes ?? ''],
    ['IPN_PID[]', '2'],
    ['IPN_PNAME[]', 'Tessera 5 Ünïcode'],
    ['IPN_PCODE[]', 'Pro'],
    ['IPN_QTY[]', '2'],
    ['IPN_DELIVEREDCODES[]', ''],
    ['CURRENCY', 'USD'],
    ['IPN_TOTALGENERAL', options.total ?? '548.00'],
    ...(options.extra ?? []),
    ['IPN_DATE', ymdHis(options.ipnDate)],
  ];
  const algorithm = options.algorithm ?? 'sha256';
  const mac = createHmac(algorithm, SECRETS.avangate)
    .update(lengthPrefixed(pairs.map(([, v]) => v)))
    .digest('hex');
  const field =
    algorithm === 'md5' ? 'HASH' : algorithm === 'sha256' ? 'SIGNATURE_SHA2_256' : 'SIGNATURE_SHA3_256';
  return [...pairs, [field, mac]];
}

export function expectedAvangateReceipt(
  algorithm: 'sha256' | 'sha3-256' | 'md5',
  pnames: [string, string, string],
  date: string,
): string {
  return createHmac(algorithm, SECRETS.avangate)
    .update(lengthPrefixed([...pnames, date]))
    .digest('hex');
}

export function newsletterRequest(payload: Record<string, unknown>, secret = SECRETS.newsletter) {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  return { body, headers: { 'content-type': 'application/json', 'x-keydesk-signature': signature } };
}

/** Subscribes `email` through the signed newsletter webhook, as the mailing-list service would; returns the status. */
export async function subscribeOverWebhook(
  url: string,
  id: string,
  email: string,
  at: Date,
): Promise<number> {
  const request = newsletterRequest({ id, email, action: 'subscribe', time: at.toISOString() });
  return (await post(`${url}/hooks/newsletter`, request.body, request.headers)).status;
}
