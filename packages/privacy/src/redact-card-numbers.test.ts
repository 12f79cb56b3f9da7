import { describe, expect, it } from 'vitest';
import {
  CARD_REDACTION_MARK as MARK,
  passesLuhn,
  redactCardNumbers,
  redactJson,
  redactPairs,
  redactRecord,
} from './redact-card-numbers.ts';

describe('redactCardNumbers', () => {
  it.each([
    ['Visa, plain', 'card 4111111111111111 thanks', `card ${MARK} thanks`],
    ['Visa, spaced groups', 'my card is 4111 1111 1111 1111.', `my card is ${MARK}.`],
    ['Mastercard, dashes', '5555-5555-5555-4444', MARK],
    ['Mastercard 2-series', '2223 0031 2200 3222', MARK],
    ['Amex 4-6-5', 'amex 3782 822463 10005 ok', `amex ${MARK} ok`],
    ['Discover', '6011111111111117', MARK],
    ['JCB', '3530111333300000', MARK],
    ['Diners 14 digits', '30569309025904', MARK],
    [
      'Visa 19 digits',
      '4222222222222222220',
      '4222222222222222220'.length === 19 && passesLuhn('4222222222222222220') ? MARK : '4222222222222222220',
    ],
    ['two cards in one text', 'a 4111111111111111 b 5555555555554444', `a ${MARK} b ${MARK}`],
    ['inside words', 'PAN:4111111111111111;', `PAN:${MARK};`],
    ['dotted groups', '4111.1111.1111.1111', MARK],
    ['mixed separators', '4111 1111-1111.1111', MARK],
    ['no-break and narrow spaces', '4111\u00a01111\u202f1111\u20071111', MARK],
    ['ideographic and thin spaces', '4111\u30001111\u20091111\u30001111', MARK],
    ['zero-width characters', '4111\u200b1111\u200c1111\ufeff1111', MARK],
    ['two spaces', '4111  1111  1111  1111', MARK],
    ['CRLF inside', 'card 4111 1111\r\n1111 1111 end', `card ${MARK} end`],
    ['LF inside', '4111\n1111\n1111\n1111', MARK],
    ['&nbsp;', '4111&nbsp;1111&nbsp;1111&nbsp;1111', MARK],
    ['&#32; and &#x20;', '4111&#32;1111&#x20;1111&#160;1111', MARK],
    [
      'tags between groups',
      '<span>4111</span><span>1111</span> <span>1111</span><span>1111</span>',
      `<span>${MARK}</span>`,
    ],
    ['form-encoded +', 'NOTE=4111+1111+1111+1111&X=1', `NOTE=${MARK}&X=1`],
    ['form-encoded %20', 'NOTE=4111%201111%201111%201111', `NOTE=${MARK}`],
    ['form-encoded no-break space', 'NOTE=4111%C2%A01111%C2%A01111%C2%A01111', `NOTE=${MARK}`],
    ['double form-encoded', 'NOTE=4111%25201111%25201111%25201111', `NOTE=${MARK}`],
    ['JSON \\u0020', '{"msg":"4111\\u00201111\\u00201111\\u00201111"}', `{"msg":"${MARK}"}`],
    ['JSON \\n', '{"msg":"4111 1111\\n1111 1111"}', `{"msg":"${MARK}"}`],
    [
      'fullwidth digits',
      '\uff14\uff11\uff11\uff11 \uff11\uff11\uff11\uff11 \uff11\uff11\uff11\uff11 \uff11\uff11\uff11\uff11',
      MARK,
    ],
    [
      'Arabic-Indic digits',
      '\u0664\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661',
      MARK,
    ],
    ['card followed by expiry and CVC', 'card 4111 1111 1111 1111 1228 123', `card ${MARK} 1228 123`],
    ['after an order number', 'order 84512397 4111 1111 1111 1111', `order 84512397 ${MARK}`],
    ['digits as entities', '&#52;111111111111111', MARK],
  ])('redacts %s', (_name, input, expected) => {
    expect(redactCardNumbers(input)).toBe(expected);
  });

  it.each([
    ['phone number', 'Call me on +49 170 1234567 or 0049-30-12345678'],
    ['US phone', '(555) 123-4567 ext 8901'],
    ['PayPro order id', 'ORDER_ID=84512397'],
    ['Avangate REFNO', 'REFNO 123456789012'],
    ['license key with digits', 'KD7Q2-M4XHN-8RTVA-3PWEB-K9FQC and 12345-67890-12345-67890'],
    ['Luhn-failing 16 digits', '4111111111111112'],
    ['no brand prefix', '9111111111111111 passes Luhn? no brand'],
    ['masked card', 'card **** **** **** 1111, BIN 411111'],
    ['longer digit run', '41111111111111110000 is 20 digits'],
    ['date and amounts', '2024-06-19 19:06:29 total 1234.56 EUR'],
    ['Gmail thread id', 'X-GM-THRID: 1654953015393719153'],
    ['IPv4', '192.168.100.200'],
    ['two IPs', '203.0.113.9 198.51.100.7 10.0.0.1'],
    ['timestamp', '2026-12-05T08:02:15.123Z 1764054357000'],
    ['phone with + and spaces', '+44 113 496 0777 / +1 (555) 123-4567'],
    ['20-digit run beside groups', '41111111111111111111 2222'],
    ['Gmail message ids', '1654953015393719153 1654953015393719154'],
  ])('keeps %s', (_name, input) => {
    expect(redactCardNumbers(input)).toBe(input);
  });

  it('redacts card fields wholesale and card numbers in any field of a record', () => {
    expect(
      redactRecord({
        CREDIT_CARD_BIN: '411111',
        CREDIT_CARD_LAST4: '1111',
        NOTE: 'pay with 4111-1111-1111-1111',
        ORDER_ID: '123',
        EMPTY_CARD_NUMBER: '',
      }),
    ).toEqual({
      CREDIT_CARD_BIN: MARK,
      CREDIT_CARD_LAST4: MARK,
      NOTE: `pay with ${MARK}`,
      ORDER_ID: '123',
      EMPTY_CARD_NUMBER: '',
    });
  });

  it('keeps the order of form pairs', () => {
    expect(
      redactPairs([
        ['B', '4111111111111111'],
        ['A', 'x'],
      ]),
    ).toEqual([
      ['B', MARK],
      ['A', 'x'],
    ]);
  });

  it('walks JSON', () => {
    expect(redactJson({ chat: { messages: [{ msg: 'here: 5555 5555 5555 4444' }], n: 3 } })).toEqual({
      chat: { messages: [{ msg: `here: ${MARK}` }], n: 3 },
    });
  });
});

describe('redactRecord with prototype keys', () => {
  it('keeps a field named __proto__ or constructor as a field, redacted', () => {
    const record = JSON.parse(
      '{"__proto__":"4111 1111 1111 1111","constructor":"x","ORDER_ID":"1"}',
    ) as Record<string, string>;
    const out = redactRecord(record);
    expect(Object.keys(out)).toEqual(['__proto__', 'constructor', 'ORDER_ID']);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toBe(MARK);
    expect(out.constructor).toBe('x');
  });
});
