// What a stored notification keeps: only the fields a replay reads (the parsers' own inputs), so
// card details (CARD_LAST_DIGITS, CARD_EXPIRATION_DATE, CREDIT_CARD_*), payment methods, IP
// addresses, delivery copies of the address and every field added later never reach the disk.
// Fields that identify the customer are kept only beside a customer reference, which erasure
// follows; a notification that concerns no known customer keeps none of them.
import type { Db } from '@keydesk/db';
import { baseFieldName, encodeFormPairs } from './form-pairs.ts';
import { normalizeEmail } from './reseller-values.ts';
import { customerIdByEmail } from './sql/orders.ts';

type ResellerSource = 'paypro' | 'avangate';

const ORDER_FIELDS: Record<ResellerSource, ReadonlySet<string>> = {
  paypro: new Set([
    'IPN_TYPE_ID',
    'IPN_TYPE_NAME',
    'IS_RESENT',
    'ORDER_ID',
    'ORDER_ITEM_ID',
    'ORDER_STATUS',
    'ORDER_STATUS_ID',
    'ORDER_TOTAL_AMOUNT',
    'ORDER_CURRENCY_CODE',
    'ORDER_REFUNDED',
    'ORDER_ITEM_REFUNDED',
    'ORDER_PLACED_TIME_UTC',
    'PRODUCT_ID',
    'PRODUCT_NAME',
    'PRODUCT_QUANTITY',
    'ORDER_ITEM_NAME',
    'ORDER_ITEM_SKU',
    'ORDER_ITEM_LICENSES',
    'TEST_MODE',
  ]),
  avangate: new Set([
    'REFNO',
    'ORDERSTATUS',
    'MESSAGE_ID',
    'MESSAGE_TYPE',
    'REFUND_TYPE',
    'CHARGEBACK_RESOLUTION',
    'CURRENCY',
    'IPN_TOTALGENERAL',
    'SALEDATE',
    'IPN_DATE',
    'TIMEZONE_OFFSET',
    'TEST_ORDER',
    'IPN_PID',
    'IPN_PNAME',
    'IPN_PCODE',
    'IPN_QTY',
    'IPN_DELIVEREDCODES',
  ]),
};

const CUSTOMER_FIELDS: Record<ResellerSource, ReadonlySet<string>> = {
  paypro: new Set([
    'CUSTOMER_EMAIL',
    'LICENSED_TO_EMAIL',
    'CUSTOMER_NAME',
    'CUSTOMER_FIRST_NAME',
    'CUSTOMER_LAST_NAME',
    'COMPANY_NAME',
    'CUSTOMER_COUNTRY_CODE',
    'CUSTOMER_CITY',
    'CUSTOMER_STATE_CODE',
    'CUSTOMER_ZIPCODE',
    'CUSTOMER_STREET_ADDRESS',
    'CUSTOMER_PHONE',
  ]),
  avangate: new Set([
    'CUSTOMEREMAIL',
    'FIRSTNAME',
    'LASTNAME',
    'COMPANY',
    'COUNTRY_CODE',
    'CITY',
    'STATE',
    'ZIPCODE',
    'ADDRESS1',
    'PHONE',
  ]),
};

const EMAIL_FIELD: Record<ResellerSource, string> = { paypro: 'CUSTOMER_EMAIL', avangate: 'CUSTOMEREMAIL' };

/** The pairs a stored payload keeps, in their order; customer fields only with a customer reference. */
export function allowListPairs(
  source: ResellerSource,
  pairs: [string, string][],
  options: { hasCustomerReference: boolean },
): [string, string][] {
  return pairs.filter(([name]) => {
    const base = baseFieldName(name);
    return (
      ORDER_FIELDS[source].has(base) || (options.hasCustomerReference && CUSTOMER_FIELDS[source].has(base))
    );
  });
}

export function storedPayload(
  source: ResellerSource,
  pairs: [string, string][],
  customerId: number | null,
): string {
  return encodeFormPairs(allowListPairs(source, pairs, { hasCustomerReference: customerId !== null }));
}

/** The customer a notification names by address, when one exists: the payload's erasure reference. */
export function findNotifiedCustomerId(
  db: Db,
  source: ResellerSource,
  pairs: [string, string][],
): number | null {
  const field = EMAIL_FIELD[source];
  const email = normalizeEmail(pairs.find(([name]) => baseFieldName(name) === field)?.[1] ?? '');
  return email ? findCustomerIdByEmail(db, email) : null;
}

export function findCustomerIdByEmail(db: Db, email: string): number | null {
  return customerIdByEmail.get(db, { email })?.customerId ?? null;
}
