// The business promises never to store financial details. Every input (order payloads, CSV rows,
// chats, emails) passes through here before it is written.

import { digitValue, findCardNumbers, MIN_CARD_DIGITS } from './find-card-numbers.ts';

export { passesLuhn } from './find-card-numbers.ts';

export const CARD_REDACTION_MARK = '[card number removed]';

/** True when `candidate` is one card number and nothing else (beyond surrounding whitespace). */
export function isCardNumber(candidate: string): boolean {
  const text = candidate.trim();
  const spans = findCardNumbers(text);
  return spans.length === 1 && spans[0]?.start === 0 && spans[0].end === text.length;
}

/**
 * Replaces every card number in free text with the redaction mark; other numbers survive. Works
 * on raw bodies too (form-encoded, JSON-escaped, HTML): see find-card-numbers.ts for the rule.
 */
export function redactCardNumbers(text: string): string {
  // Most text has fewer than 13 digits in all: counting them is cheaper than the scan (a CSV
  // import passes every field of millions of rows through here).
  if (text.length < MIN_CARD_DIGITS || !hasThirteenDigits(text)) return text;
  const spans = findCardNumbers(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + CARD_REDACTION_MARK;
    at = span.end;
  }
  return out + text.slice(at);
}

// Counts what could be a digit: ASCII digits (escaped digits such as &#52; or %34 carry two or
// more), and any non-ASCII decimal digit; a surrogate pair counts as possibly one.
function hasThirteenDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isDigit =
      (code >= 48 && code <= 57) ||
      (code >= 0x660 && (digitValue(code) >= 0 || (code >= 0xd800 && code <= 0xdbff)));
    if (isDigit && ++digits === MIN_CARD_DIGITS) return true;
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
