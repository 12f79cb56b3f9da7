// Field values that name Object.prototype's members must be refused like any unknown value,
// never looked up on the prototype (a plain object indexed by input finds Object's constructor).
import { describe, expect, it } from 'vitest';
import { parseAvangateNotification } from './avangate-ipn.ts';
import { NotificationRejectedError, parsePayProNotification } from './paypro-ipn.ts';

const PROTOTYPE_KEYS = [
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
];
const NO_SECRETS = { validationKey: null, secretKey: null };
const now = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));

describe('prototype keys in notifications', () => {
  it.each(PROTOTYPE_KEYS)('PayPro refuses IPN_TYPE_ID=%s as unknown', (key) => {
    const pairs: [string, string][] = [
      ['ORDER_ID', '123'],
      ['IPN_TYPE_ID', key],
      ['CUSTOMER_EMAIL', 'a@example.com'],
    ];
    expect(() =>
      parsePayProNotification(pairs, { now, skipVerification: true, secrets: NO_SECRETS }),
    ).toThrow(new NotificationRejectedError('malformed', 'IPN_TYPE_ID is missing or unknown.'));
  });

  it.each(PROTOTYPE_KEYS)('PayPro finds no type for IPN_TYPE_NAME=%s', (key) => {
    const pairs: [string, string][] = [
      ['ORDER_ID', '123'],
      ['IPN_TYPE_NAME', key],
    ];
    expect(() =>
      parsePayProNotification(pairs, { now, skipVerification: true, secrets: NO_SECRETS }),
    ).toThrow(/IPN_TYPE_ID is missing or unknown/);
  });

  it.each(PROTOTYPE_KEYS)('Avangate treats ORDERSTATUS=%s as no event', (key) => {
    const pairs: [string, string][] = [
      ['REFNO', '77'],
      ['IPN_DATE', '20260102030405'],
      ['ORDERSTATUS', key],
    ];
    expect(parseAvangateNotification(pairs, { now }).event).toBeNull();
  });
});
