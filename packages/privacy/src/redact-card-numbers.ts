// The business promises never to store financial details. Every input (order payloads, CSV rows,
// chats, emails) passes through here before it is written.

export const CARD_REDACTION_MARK = '[card number removed]';

// A run of 13–19 digits, optionally split into groups by single spaces, dashes or dots,
// with no digit (or digit-group separator followed by a digit) directly before or after it.
const CANDIDATE = /(?<![\d])(?:\d[ .-]?){12,18}\d(?![\d]|[ .-]\d)/g;

// Issuer prefixes and lengths (ISO/IEC 7812, see ../shared/formats.md §6): Luhn alone passes one
// random string in ten, so a number must also look like a card a brand issues.
const BRANDS: { prefix: RegExp; lengths: number[] }[] = [
  { prefix: /^4/, lengths: [13, 16, 19] }, // Visa
  { prefix: /^(5[1-5]|2(2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/, lengths: [16] }, // Mastercard
  { prefix: /^3[47]/, lengths: [15] }, // American Express
  { prefix: /^(6011|64[4-9]|65)/, lengths: [16, 17, 18, 19] }, // Discover
  { prefix: /^35(2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] }, // JCB
  { prefix: /^(36|38|30[0-5])/, lengths: [14, 15, 16, 17, 18, 19] }, // Diners Club
  { prefix: /^62/, lengths: [16, 17, 18, 19] }, // UnionPay
  { prefix: /^(5018|5020|5038|5893|6304|6759|676[1-3])/, lengths: [13, 14, 15, 16, 17, 18, 19] }, // Maestro
];

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export function isCardNumber(candidate: string): boolean {
  const digits = candidate.replace(/[ .-]/g, '');
  if (digits.length < 13 || digits.length > 19) return false;
  // Grouped numbers use one kind of separator throughout ("4111 1111-1111.1111" is not a card).
  const separators = new Set(candidate.match(/[ .-]/g) ?? []);
  if (separators.size > 1) return false;
  if (!BRANDS.some((brand) => brand.prefix.test(digits) && brand.lengths.includes(digits.length)))
    return false;
  return passesLuhn(digits);
}

/** Replaces every card number in free text with the redaction mark; other numbers survive. */
export function redactCardNumbers(text: string): string {
  // Most text has fewer than 13 digits in all: counting them is cheaper than the pattern (a CSV
  // import passes every field of millions of rows through here).
  if (text.length < 13 || !hasThirteenDigits(text)) return text;
  return text.replace(CANDIDATE, (match) => (isCardNumber(match) ? CARD_REDACTION_MARK : match));
}

function hasThirteenDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57 && ++digits === 13) return true;
  }
  return false;
}

export function containsCardNumber(text: string): boolean {
  return redactCardNumbers(text) !== text;
}

// Field names that carry card data, whatever their value looks like (PayPro's CREDIT_CARD_BIN,
// _LAST4 and _EXPIRATION_DATE are partial card details and are not kept either).
const CARD_FIELD =
  /(credit.?card|card.?(number|num|no\b|holder|expir|cvv|cvc)|^cc.?(num|number)$|^pan$|^cvv2?$|^cvc2?$)/i;

// Records of one import share their few field names: each is tested once.
const cardFieldByName = new Map<string, boolean>();

export function isCardField(name: string): boolean {
  let isCard = cardFieldByName.get(name);
  if (isCard === undefined) {
    isCard = CARD_FIELD.test(name);
    // Webhook bodies may name anything: the cache stays small whatever they send.
    if (cardFieldByName.size < 1_000) cardFieldByName.set(name, isCard);
  }
  return isCard;
}

/** Redacts a flat record of fields (webhook form fields, CSV rows): card fields wholesale, card numbers anywhere. */
export function redactRecord<T extends Record<string, string>>(record: T): T {
  // No prototype: a field named "__proto__" is kept as a field instead of vanishing into a setter.
  const out: Record<string, string> = Object.create(null);
  for (const key of Object.keys(record)) {
    const value = record[key] as string;
    out[key] = isCardField(key) && value !== '' ? CARD_REDACTION_MARK : redactCardNumbers(value);
  }
  return out as T;
}

/** Redacts ordered [name, value] pairs, keeping their order (Avangate's hash depends on it). */
export function redactPairs(pairs: [string, string][]): [string, string][] {
  return pairs.map(([key, value]) => [
    key,
    isCardField(key) && value !== '' ? CARD_REDACTION_MARK : redactCardNumbers(value),
  ]);
}

/** Redacts every string inside a JSON value (tawk.to payloads, exported transcripts). */
export function redactJson(value: unknown): unknown {
  if (typeof value === 'string') return redactCardNumbers(value);
  if (Array.isArray(value)) return value.map(redactJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        isCardField(k) && typeof v === 'string' && v !== '' ? CARD_REDACTION_MARK : redactJson(v),
      ]),
    );
  }
  return value;
}
