import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { avangateReceipt, lengthPrefixed, signedValues, verifyAvangateSignature } from './avangate-ipn.ts';
import { indexFormPairs, parseFormPairs } from './form-pairs.ts';
import { mergeOrderStatus } from './order-event.ts';
import { NotificationRejectedError, splitPayProLicenses, verifyPayProSignature } from './paypro-ipn.ts';

describe('Avangate', () => {
  it('length-prefixes values as the docs example shows', () => {
    expect(lengthPrefixed(['1', 'Software program', '20050303123434', '20050303123434'])).toBe(
      '1116Software program14200503031234341420050303123434',
    );
    expect(lengthPrefixed(['', '0', 'Ü'])).toBe('0102Ü');
  });

  it('signs every value except the signatures, in order, arrays included', () => {
    const pairs = parseFormPairs('A=1&IPN_PID%5B%5D=7&IPN_PID[]=8&HASH=x&SIGNATURE_SHA2_256=y&B=');
    expect(signedValues(pairs)).toEqual(['1', '7', '8', '']);
  });

  it('refuses a notification without any signature', () => {
    expect(() => verifyAvangateSignature([['REFNO', '1']], 'k')).toThrow(NotificationRejectedError);
  });

  it('answers with EPAYMENT for MD5 and sig for SHA', () => {
    const pairs: [string, string][] = [
      ['IPN_PID[]', '1'],
      ['IPN_PNAME[]', 'Software program'],
      ['IPN_DATE', '20050303123434'],
    ];
    const now = new Date(Date.UTC(2005, 2, 3, 12, 34, 34));
    expect(avangateReceipt({ pairs, secretKey: 'AABBCCDDEEFF', algorithm: 'md5', now })).toMatch(
      /^<EPAYMENT>20050303123434\|[0-9a-f]{32}<\/EPAYMENT>$/,
    );
    expect(avangateReceipt({ pairs, secretKey: 'k', algorithm: 'sha3-256', now })).toMatch(
      /^<sig algo="sha3-256" date="20050303123434">[0-9a-f]{64}<\/sig>$/,
    );
  });
});

describe('PayPro', () => {
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const fields = (signature: string, testMode = '0') =>
    indexFormPairs([
      ['ORDER_ID', '12345'],
      ['ORDER_STATUS', 'Processed'],
      ['ORDER_TOTAL_AMOUNT', '9.99'],
      ['CUSTOMER_EMAIL', 'a@b.example'],
      ['TEST_MODE', testMode],
      ['IPN_TYPE_NAME', 'OrderCharged'],
      ['SIGNATURE', signature],
    ]);
  const keys = { validationKey: '123qwerty', secretKey: null };

  it('accepts the documented formula in either hex case, and the docs example without the email', () => {
    expect(() =>
      verifyPayProSignature(
        fields(sha('12345Processed9.99a@b.example123qwerty0OrderCharged').toUpperCase()),
        keys,
      ),
    ).not.toThrow();
    expect(() =>
      verifyPayProSignature(fields(sha('12345Processed9.99123qwerty1OrderCharged'), '1'), keys),
    ).not.toThrow();
  });

  it('refuses a wrong signature and a test order signed only with md5("1")', () => {
    expect(() => verifyPayProSignature(fields(sha('nope')), keys)).toThrow(/SIGNATURE does not match/);
    const testHashOnly = indexFormPairs([
      ['ORDER_ID', '1'],
      ['TEST_MODE', '1'],
      ['HASH', 'c4ca4238a0b923820dcc509a6f75849b'],
    ]);
    expect(() => verifyPayProSignature(testHashOnly, { validationKey: null, secretKey: 's' })).toThrow(
      /No signature/,
    );
  });

  it('splits delivered keys joined by comma and tab', () => {
    expect(splitPayProLicenses('AAA-1,\tBBB-2,\tCCC-3')).toEqual(['AAA-1', 'BBB-2', 'CCC-3']);
    expect(splitPayProLicenses('')).toEqual([]);
  });
});

describe('mergeOrderStatus', () => {
  it('only moves forward, except a won chargeback', () => {
    expect(mergeOrderStatus('refunded', 'charged')).toBe('refunded');
    expect(mergeOrderStatus('completed', 'partially_refunded')).toBe('partially_refunded');
    expect(mergeOrderStatus('charged_back', 'refunded')).toBe('charged_back');
    expect(mergeOrderStatus('charged_back', 'chargeback_won')).toBe('completed');
    expect(mergeOrderStatus('refunded', 'chargeback_won')).toBe('refunded');
    expect(mergeOrderStatus(null, 'canceled')).toBe('canceled');
    expect(mergeOrderStatus('canceled', 'charged')).toBe('completed');
  });
});
