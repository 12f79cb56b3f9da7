// Avangate / 2Checkout IPN: ordered form fields, HMAC over length-prefixed values (SHA-256,
// SHA3-256 or legacy MD5), and the read receipt the reseller needs to stop retrying.
// The package README describes both resellers' formats.
import { createHmac } from 'node:crypto';
import { baseFieldName, indexFormPairs } from './form-pairs.ts';
import {
  type OrderCustomer,
  type OrderEvent,
  type OrderEventKind,
  type OrderItem,
  readCustomerDetails,
} from './order-event.ts';
import { hexEquals, NotificationRejectedError } from './paypro-ipn.ts';
import { formatYmdHis, normalizeEmail, parseAmountMinor, parseResellerDate } from './reseller-values.ts';

const SIGNATURE_FIELDS = new Set(['HASH', 'SIGNATURE_SHA2_256', 'SIGNATURE_SHA3_256']);

export type AvangateAlgorithm = 'sha256' | 'sha3-256' | 'md5';

/** Retries run for up to two days (formats.md §2); anything older, or from the future, is stale. */
export const AVANGATE_MAX_AGE_MS = 3 * 24 * 3_600_000;
const MAX_CLOCK_SKEW_MS = 15 * 60_000;
/** Civil time zones run from UTC−12 to UTC+14: the most a wall-clock time of unknown zone can be off. */
const EARLIEST_ZONE_MS = 12 * 3_600_000;
const LATEST_ZONE_MS = 14 * 3_600_000;

/**
 * 2Checkout writes IPN_DATE, SALEDATE and the other dates as wall-clock time in the vendor
 * account's time zone, and names that zone in TIMEZONE_OFFSET ("GMT+03:00" beside IPN_DATE
 * 20230612194811 in the official PHP and .NET SDK fixtures). Minutes east of UTC, or null.
 */
export function parseTimezoneOffset(text: string): number | null {
  const m = /^(?:GMT|UTC)?\s*([+-])(\d{1,2}):?(\d{2})?$/i.exec(text.trim());
  if (!m) return /^(?:GMT|UTC|Z)$/i.test(text.trim()) ? 0 : null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60) return null;
  return m[1] === '-' ? -minutes : minutes;
}

/** A wall-clock date in the account's zone as a UTC instant (as if UTC when the zone is unknown). */
function parseAccountDate(text: string, offsetMinutes: number | null): Date | null {
  const wall = parseResellerDate(text);
  return wall && new Date(wall.getTime() - (offsetMinutes ?? 0) * 60_000);
}

/**
 * Stale: older than the retry window or later than now. With TIMEZONE_OFFSET the instant is exact;
 * without it the wall-clock time may belong to any zone, so the window widens by the zones'
 * spread rather than refusing an account east of UTC.
 */
function isStale(ipnDate: Date, now: Date, isZoneKnown: boolean): boolean {
  const age = now.getTime() - ipnDate.getTime();
  const early = isZoneKnown ? 0 : EARLIEST_ZONE_MS;
  const late = isZoneKnown ? 0 : LATEST_ZONE_MS;
  return age > AVANGATE_MAX_AGE_MS + early || age < -(MAX_CLOCK_SKEW_MS + late);
}

/** Each value as its UTF-8 byte length followed by the value ("" → "0", "0" → "10"). */
export function lengthPrefixed(values: string[]): string {
  return values.map((v) => `${Buffer.byteLength(v, 'utf8')}${v}`).join('');
}

export function avangateHmac(algorithm: AvangateAlgorithm, secretKey: string, values: string[]): string {
  return createHmac(algorithm, secretKey).update(lengthPrefixed(values), 'utf8').digest('hex');
}

export function signedValues(pairs: [string, string][]): string[] {
  return pairs.filter(([name]) => !SIGNATURE_FIELDS.has(baseFieldName(name))).map(([, value]) => value);
}

/** Verifies the strongest signature present; returns the algorithm the receipt must use. */
export function verifyAvangateSignature(pairs: [string, string][], secretKey: string): AvangateAlgorithm {
  const fields = indexFormPairs(pairs);
  const candidates: [string, AvangateAlgorithm][] = [
    ['SIGNATURE_SHA3_256', 'sha3-256'],
    ['SIGNATURE_SHA2_256', 'sha256'],
    ['HASH', 'md5'],
  ];
  const found = candidates.find(([name]) => (fields.get(name)?.[0] ?? '') !== '');
  if (!found)
    throw new NotificationRejectedError('unsigned', 'The notification carries no HASH or SIGNATURE.');
  const [name, algorithm] = found;
  const expected = avangateHmac(algorithm, secretKey, signedValues(pairs));
  if (!hexEquals(expected, fields.get(name)?.[0] ?? ''))
    throw new NotificationRejectedError('bad-signature', `${name} does not match.`);
  return algorithm;
}

/** The read receipt: `<sig algo=… date=…>` for SHA signatures, `<EPAYMENT>DATE|HASH</EPAYMENT>` for legacy MD5. */
export function avangateReceipt(options: {
  pairs: [string, string][];
  secretKey: string;
  algorithm: AvangateAlgorithm;
  now: Date;
}): string {
  const fields = indexFormPairs(options.pairs);
  const date = formatYmdHis(options.now);
  const values = [
    fields.get('IPN_PID')?.[0] ?? '',
    fields.get('IPN_PNAME')?.[0] ?? '',
    fields.get('IPN_DATE')?.[0] ?? '',
    date,
  ];
  const hash = avangateHmac(options.algorithm, options.secretKey, values);
  if (options.algorithm === 'md5') return `<EPAYMENT>${date}|${hash}</EPAYMENT>`;
  return `<sig algo="${options.algorithm}" date="${date}">${hash}</sig>`;
}

const KIND_BY_STATUS_TABLE: Record<string, OrderEventKind> = {
  PENDING: 'pending',
  PURCHASE_PENDING: 'pending',
  PENDING_APPROVAL: 'pending',
  PAYMENT_AUTHORIZED: 'pending',
  PENDING_ORDER_APPROVAL: 'pending',
  PAYMENT_RECEIVED: 'charged',
  COMPLETE: 'charged',
  CANCELED: 'canceled',
  REVERSED: 'canceled',
  REFUND: 'refunded',
  CHARGEBACK: 'charged_back',
};
// A Map for lookups: the status comes from the notification.
const KIND_BY_STATUS = new Map<string, OrderEventKind>(Object.entries(KIND_BY_STATUS_TABLE));

export type AvangateNotification = {
  idempotencyKey: string;
  ipnDate: Date;
  event: OrderEvent | null;
};

export function parseAvangateNotification(
  pairs: [string, string][],
  options: { now: Date; checkAge?: boolean },
): AvangateNotification {
  const fields = indexFormPairs(pairs);
  const get = (name: string) => (fields.get(name)?.[0] ?? '').trim();
  const all = (name: string) => fields.get(name) ?? [];
  const refno = get('REFNO');
  if (!/^\d{1,20}$/.test(refno))
    throw new NotificationRejectedError('malformed', 'REFNO is missing or not a number.');
  const offset = get('TIMEZONE_OFFSET') ? parseTimezoneOffset(get('TIMEZONE_OFFSET')) : null;
  const ipnDate = parseAccountDate(get('IPN_DATE'), offset);
  if (!ipnDate) throw new NotificationRejectedError('malformed', 'IPN_DATE is missing or not YmdHis.');
  if (options.checkAge !== false && isStale(ipnDate, options.now, offset !== null))
    throw new NotificationRejectedError('stale', `IPN_DATE ${get('IPN_DATE')} is too far from now.`);
  const orderStatus = get('ORDERSTATUS').toUpperCase();
  const idempotencyKey = get('MESSAGE_ID')
    ? `msg:${get('MESSAGE_ID')}`
    : `${refno}:${orderStatus}:${get('IPN_DATE')}`;
  const resolution = get('CHARGEBACK_RESOLUTION').toUpperCase();
  let kind = KIND_BY_STATUS.get(orderStatus);
  if (resolution && resolution !== 'NONE')
    kind = resolution === 'WON' || resolution === 'ACCEPTED_MERCHANT' ? 'chargeback_won' : 'charged_back';
  if (kind === 'refunded' && /partial/i.test(get('REFUND_TYPE'))) kind = 'partially_refunded';
  if (!kind) return { idempotencyKey, ipnDate, event: null };

  const email = normalizeEmail(get('CUSTOMEREMAIL'));
  if (!email) throw new NotificationRejectedError('malformed', 'CUSTOMEREMAIL is missing or not an address.');
  const currency = get('CURRENCY').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new NotificationRejectedError('malformed', 'CURRENCY is missing.');
  const total = parseAmountMinor(get('IPN_TOTALGENERAL') || '0', currency);
  if (total === null) throw new NotificationRejectedError('malformed', 'IPN_TOTALGENERAL is not an amount.');
  const saleDate = get('SALEDATE') ? parseAccountDate(get('SALEDATE'), offset) : ipnDate;
  if (!saleDate) throw new NotificationRejectedError('malformed', 'SALEDATE is not a date.');
  const names = all('IPN_PNAME');
  const items: OrderItem[] = names.map((name, i) => {
    const qty = Number(all('IPN_QTY')[i] ?? '1');
    return {
      lineKey: `${i}:${(all('IPN_PID')[i] ?? '').trim()}`,
      product: name.trim() || `Product ${all('IPN_PID')[i] ?? ''}`.trim(),
      edition: (all('IPN_PCODE')[i] ?? '').trim(),
      quantity: Number.isInteger(qty) && qty > 0 && qty < 100_000 ? qty : 1,
      licenseKeys: (all('IPN_DELIVEREDCODES')[i] ?? '')
        .split(/[\n\r,;]+/)
        .map((k) => k.trim())
        .filter(Boolean),
    };
  });
  const customer: OrderCustomer = {
    emails: [email],
    name: [get('FIRSTNAME'), get('LASTNAME')].filter(Boolean).join(' ') || null,
    ...readCustomerDetails(get, {
      company: 'COMPANY',
      country: 'COUNTRY_CODE',
      city: 'CITY',
      region: 'STATE',
      postalCode: 'ZIPCODE',
      addressLine1: 'ADDRESS1',
      phone: 'PHONE',
    }),
  };
  return {
    idempotencyKey,
    ipnDate,
    event: {
      reseller: 'avangate',
      resellerOrderId: refno,
      kind,
      occurredAt: ipnDate,
      purchasedAt: saleDate,
      customer,
      items,
      amountMinor: Math.abs(total),
      currency,
      // A partial refund's notification carries what was refunded (its products and total); a
      // full refund refunds the order's total, which the writer takes from the order itself.
      refundedMinor: kind === 'partially_refunded' ? Math.abs(total) : 0,
      isTest: get('TEST_ORDER') === '1',
    },
  };
}
