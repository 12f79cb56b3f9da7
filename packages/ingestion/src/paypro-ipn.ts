// PayPro Global IPN: form fields, verified by SIGNATURE (sha256 with the validation key) and/or
// HASH (md5 with the secret key). See this package's README.
import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@keydesk/db';
import { indexFormPairs } from './form-pairs.ts';
import {
  type OrderCustomer,
  type OrderEvent,
  type OrderEventKind,
  readCustomerDetails,
} from './order-event.ts';
import { normalizeEmail, parseAmountMinor, parseResellerDate } from './reseller-values.ts';

export class NotificationRejectedError extends DomainError {
  readonly kind = 'invalid';
  constructor(
    readonly reason: 'unsigned' | 'bad-signature' | 'malformed' | 'stale',
    message: string,
  ) {
    super(message);
  }
}

const TYPE_NAMES_TABLE: Record<string, string> = {
  '1': 'OrderCharged',
  '2': 'OrderRefunded',
  '3': 'OrderChargedBack',
  '4': 'OrderDeclined',
  '5': 'OrderPartiallyRefunded',
  '6': 'SubscriptionChargeSucceed',
  '7': 'SubscriptionChargeFailed',
  '8': 'SubscriptionSuspended',
  '9': 'SubscriptionRenewed',
  '10': 'SubscriptionTerminated',
  '11': 'SubscriptionFinished',
  '12': 'LicenseRequested',
  '13': 'TrialCharge',
  '14': 'OrderChargebackIsWon',
  '15': 'OrderCustomerInformationChanged',
  '16': 'InstantLeadNotification',
  '17': 'OrderOnWaiting',
  '21': 'SubscriptionPaymentInfoChanged',
};
// Maps for lookups: the keys come from the notification, and "constructor" must find nothing.
const TYPE_NAMES = new Map<string, string>(Object.entries(TYPE_NAMES_TABLE));

const KIND_BY_TYPE_TABLE: Record<string, OrderEventKind> = {
  '1': 'charged',
  '2': 'refunded',
  '3': 'charged_back',
  '4': 'canceled',
  '5': 'partially_refunded',
  '6': 'charged',
  '9': 'charged',
  '12': 'charged',
  '13': 'charged',
  '14': 'chargeback_won',
  '17': 'pending',
};
const KIND_BY_TYPE = new Map<string, OrderEventKind>(Object.entries(KIND_BY_TYPE_TABLE));

export type PayProNotification = {
  typeId: string;
  typeName: string;
  idempotencyKey: string;
  /** Null for types that change no order (subscription bookkeeping, leads). */
  event: OrderEvent | null;
  /** LicenseRequested: the reply body is delivered to the buyer as the key. */
  wantsLicenseReply: boolean;
};

export type PayProSecrets = { validationKey: string | null; secretKey: string | null };

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function hexEquals(expected: string, received: string): boolean {
  const a = Buffer.from(expected.toLowerCase());
  const b = Buffer.from(received.trim().toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Accepts the notification when every signature it carries that we hold a key for is right, and at
 * least one is. The docs' example SIGNATURE leaves out CUSTOMER_EMAIL, so both forms are accepted.
 * A test order's HASH is always md5("1"), which proves nothing: test orders need SIGNATURE.
 */
export function verifyPayProSignature(fields: Map<string, string[]>, secrets: PayProSecrets): void {
  const get = (name: string) => fields.get(name)?.[0] ?? '';
  const signature = get('SIGNATURE');
  const hash = get('HASH');
  if (!signature && !hash)
    throw new NotificationRejectedError('unsigned', 'The notification carries no SIGNATURE or HASH.');
  let verified = false;
  if (signature && secrets.validationKey) {
    const typeName = get('IPN_TYPE_NAME') || TYPE_NAMES.get(get('IPN_TYPE_ID')) || '';
    const head = get('ORDER_ID') + get('ORDER_STATUS') + get('ORDER_TOTAL_AMOUNT');
    const tail = secrets.validationKey + get('TEST_MODE') + typeName;
    const ok =
      hexEquals(sha256(head + get('CUSTOMER_EMAIL') + tail), signature) ||
      hexEquals(sha256(head + tail), signature);
    if (!ok) throw new NotificationRejectedError('bad-signature', 'SIGNATURE does not match.');
    verified = true;
  }
  if (hash && secrets.secretKey && get('TEST_MODE') !== '1') {
    if (!hexEquals(md5(get('ORDER_ID') + secrets.secretKey), hash))
      throw new NotificationRejectedError('bad-signature', 'HASH does not match.');
    verified = true;
  }
  if (!verified)
    throw new NotificationRejectedError(
      'unsigned',
      'No signature that can be checked with the configured keys.',
    );
}

/** Multiple keys come joined by ",\t" (commas and tabs are tolerated in any mix). */
export function splitPayProLicenses(text: string): string[] {
  return text
    .split(/,\s*|\t|\r?\n/)
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

export function parsePayProNotification(
  pairs: [string, string][],
  options: { now: Date; skipVerification?: boolean; secrets: PayProSecrets },
): PayProNotification {
  const fields = indexFormPairs(pairs);
  if (!options.skipVerification) verifyPayProSignature(fields, options.secrets);
  const get = (name: string) => (fields.get(name)?.[0] ?? '').trim();
  const orderId = get('ORDER_ID');
  const typeId = get('IPN_TYPE_ID') || [...TYPE_NAMES].find(([, n]) => n === get('IPN_TYPE_NAME'))?.[0] || '';
  if (!/^\d{1,20}$/.test(orderId))
    throw new NotificationRejectedError('malformed', 'ORDER_ID is missing or not a number.');
  const typeName = TYPE_NAMES.get(typeId);
  if (typeName === undefined)
    throw new NotificationRejectedError('malformed', 'IPN_TYPE_ID is missing or unknown.');
  const itemId = get('ORDER_ITEM_ID');
  const idempotencyKey = `${orderId}:${itemId}:${typeId}`;
  const kind = KIND_BY_TYPE.get(typeId);
  const base = {
    typeId,
    typeName,
    idempotencyKey,
    wantsLicenseReply: typeId === '12',
  };
  if (!kind) return { ...base, event: null };

  const email = normalizeEmail(get('CUSTOMER_EMAIL'));
  if (!email)
    throw new NotificationRejectedError('malformed', 'CUSTOMER_EMAIL is missing or not an address.');
  const licensedTo = normalizeEmail(get('LICENSED_TO_EMAIL'));
  const currency = get('ORDER_CURRENCY_CODE').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    throw new NotificationRejectedError('malformed', 'ORDER_CURRENCY_CODE is missing.');
  const amount = parseAmountMinor(get('ORDER_TOTAL_AMOUNT') || '0', currency);
  if (amount === null)
    throw new NotificationRejectedError('malformed', 'ORDER_TOTAL_AMOUNT is not an amount.');
  const refunded =
    parseAmountMinor(get('ORDER_REFUNDED') || get('ORDER_ITEM_REFUNDED') || '0', currency) ?? 0;
  const placedText = get('ORDER_PLACED_TIME_UTC');
  const placed = placedText ? parseResellerDate(placedText) : options.now;
  if (!placed) throw new NotificationRejectedError('malformed', 'ORDER_PLACED_TIME_UTC is not a date.');
  const quantity = Number(get('PRODUCT_QUANTITY') || '1');
  const customer: OrderCustomer = {
    emails: licensedTo && licensedTo !== email ? [email, licensedTo] : [email],
    name:
      get('CUSTOMER_NAME') ||
      [get('CUSTOMER_FIRST_NAME'), get('CUSTOMER_LAST_NAME')].filter(Boolean).join(' ') ||
      null,
    ...readCustomerDetails(get, {
      company: 'COMPANY_NAME',
      country: 'CUSTOMER_COUNTRY_CODE',
      city: 'CUSTOMER_CITY',
      region: 'CUSTOMER_STATE_CODE',
      postalCode: 'CUSTOMER_ZIPCODE',
      addressLine1: 'CUSTOMER_STREET_ADDRESS',
      phone: 'CUSTOMER_PHONE',
    }),
  };
  return {
    ...base,
    event: {
      reseller: 'paypro',
      resellerOrderId: orderId,
      kind,
      occurredAt: options.now,
      purchasedAt: placed,
      customer,
      items: [
        {
          // PayPro notifies each product of an order on its own: the item id keeps them apart.
          lineKey: `item:${itemId || get('PRODUCT_ID')}`,
          product: get('ORDER_ITEM_NAME') || get('PRODUCT_NAME') || `Product ${get('PRODUCT_ID')}`.trim(),
          edition: get('ORDER_ITEM_SKU') || '',
          quantity: Number.isInteger(quantity) && quantity > 0 && quantity < 100_000 ? quantity : 1,
          licenseKeys: splitPayProLicenses(get('ORDER_ITEM_LICENSES')),
        },
      ],
      amountMinor: Math.abs(amount),
      currency,
      refundedMinor: Math.abs(refunded),
      isTest: get('TEST_MODE') === '1',
    },
  };
}
