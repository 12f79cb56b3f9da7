// Signature vectors from the resellers' documentation and official SDKs (test-corpus/README.md).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type AvangateAlgorithm,
  avangateHmac,
  lengthPrefixed,
  parseAvangateNotification,
  parseTimezoneOffset,
  signedValues,
  verifyAvangateSignature,
} from './avangate-ipn.ts';
import { indexFormPairs } from './form-pairs.ts';
import { verifyPayProSignature } from './paypro-ipn.ts';
import { allowListPairs } from './stored-payload.ts';
import { readAvangateSamples, resignSample, samplePairs } from './testing/reseller-corpus.ts';

const samples = readAvangateSamples();
const ALGORITHMS: AvangateAlgorithm[] = ['sha256', 'sha3-256', 'md5'];
const PUBLISHED: Record<AvangateAlgorithm, string> = {
  sha256: 'SIGNATURE_SHA2_256',
  'sha3-256': 'SIGNATURE_SHA3_256',
  md5: 'HASH',
};
/** The secret keys the SDKs ship with their fixtures (PHP and .NET: empty; Python: a placeholder). */
const SHIPPED_KEYS = ['', 'YOUR-MERCHANT-SECRET-KEY-HERE'];

describe('documentation vectors', () => {
  it("reproduces 2Checkout's read-receipt source string", () => {
    expect(lengthPrefixed(['1', 'Software program', '20050303123434', '20050303123434'])).toBe(
      '1116Software program14200503031234341420050303123434',
    );
  });

  it("accepts PayPro Global's SIGNATURE example (which leaves out the email)", () => {
    const signature = createHash('sha256').update('12345Processed9.99123qwerty1OrderCharged').digest('hex');
    const fields = indexFormPairs([
      ['ORDER_ID', '12345'],
      ['ORDER_STATUS', 'Processed'],
      ['ORDER_TOTAL_AMOUNT', '9.99'],
      ['CUSTOMER_EMAIL', 'a@b.example'],
      ['TEST_MODE', '1'],
      ['IPN_TYPE_NAME', 'OrderCharged'],
      ['SIGNATURE', signature],
    ]);
    expect(() =>
      verifyPayProSignature(fields, { validationKey: '123qwerty', secretKey: null }),
    ).not.toThrow();
  });
});

describe.each(samples)('SDK sample $file', (sample) => {
  const pairs = samplePairs(sample);

  it('has published signatures that the shipped (blanked) keys do not reproduce', () => {
    for (const algorithm of ALGORITHMS) {
      const published = pairs.find(([name]) => name === PUBLISHED[algorithm])?.[1];
      expect(published).toMatch(/^[0-9a-f]+$/);
      for (const key of SHIPPED_KEYS)
        expect(avangateHmac(algorithm, key, signedValues(pairs))).not.toBe(published);
    }
  });

  it.each(ALGORITHMS)(
    'verifies when re-signed with %s in its own field order, and not when reordered',
    (algorithm) => {
      const signed = resignSample(pairs, 'corpus-key', algorithm);
      expect(verifyAvangateSignature(signed, 'corpus-key')).toBe(algorithm);
      const swapped = [signed[1], signed[0], ...signed.slice(2)] as [string, string][];
      expect(() => verifyAvangateSignature(swapped, 'corpus-key')).toThrow();
    },
  );

  it('reads its dates in the account time zone it names', () => {
    expect(parseTimezoneOffset(String(sample.fields.TIMEZONE_OFFSET))).toBe(180);
    const parsed = parseAvangateNotification(pairs, { now: new Date(), checkAge: false });
    expect(parsed.event?.purchasedAt.toISOString()).toBe('2023-06-09T12:26:18.000Z');
    expect(parsed.event).toMatchObject({ amountMinor: 1, currency: 'RON', resellerOrderId: '211153389' });
  });

  it('keeps none of its card, payment-method, IP or delivery-address fields', () => {
    const kept = allowListPairs('avangate', pairs, { hasCustomerReference: true }).map(([name]) => name);
    expect(kept).toContain('REFNO');
    expect(kept).toContain('IPN_PNAME[]');
    for (const name of kept) expect(name).not.toMatch(/^(CARD_|PAYMETHOD|IPADDRESS|FX_|HASH|SIGNATURE)|_D$/);
    const anonymous = allowListPairs('avangate', pairs, { hasCustomerReference: false }).map(([n]) => n);
    expect(anonymous).not.toContain('CUSTOMEREMAIL');
    expect(anonymous).not.toContain('PHONE');
  });
});

it('parses the time zone offsets 2Checkout may write', () => {
  expect(parseTimezoneOffset('GMT+02:00')).toBe(120);
  expect(parseTimezoneOffset('GMT-05:30')).toBe(-330);
  expect(parseTimezoneOffset('UTC')).toBe(0);
  expect(parseTimezoneOffset('GMT+25:00')).toBeNull();
  expect(parseTimezoneOffset('Europe/Bucharest')).toBeNull();
});
