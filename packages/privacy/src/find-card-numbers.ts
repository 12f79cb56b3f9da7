// Finds card numbers in text however they are written: digits ASCII, fullwidth or any other
// Unicode decimal digit, raw or escaped (encoded-character.ts); groups split by any mix of spaces
// (Unicode ones, zero-width ones, line breaks), dashes, dots and HTML tags, a few at a time.
//
// Rule. A chain is digits joined by gaps of at most MAX_GAP_TOKENS separators. Its groups are its
// unbroken digit runs. A card number is any window of whole consecutive groups holding 13–19 digits
// that passes the brand prefix/length table and Luhn. So a card stays a card next to other
// numbers ("card 4111 1111 1111 1111 exp 1228 cvc 123"), while one unbroken run of more than 19
// digits (an id, a hash, a Gmail message id) is never a card and no window may include it.
// Everything is a single forward pass with bounded look-ahead: no regex, no backtracking.
import { cursor, mayStartEncoding, readCharacter } from './encoded-character.ts';

export const MIN_CARD_DIGITS = 13;
export const MAX_CARD_DIGITS = 19;
/** Separators allowed between two digits: "\r\n", two spaces, "</span><span>", " \r\n ". */
export const MAX_GAP_TOKENS = 4;
const MAX_TAG_CHARS = 160;
/** The longest text one card can span: an upper bound used by the chunked byte scan. */
export const MAX_CARD_SPAN =
  MAX_CARD_DIGITS * 40 + (MAX_CARD_DIGITS - 1) * MAX_GAP_TOKENS * (MAX_TAG_CHARS + 40);

export type CardNumberSpan = { start: number; end: number; digits: string };
export type ScanSteps = { steps: number };

const NOT_KNOWN = -2;
const bmpDigit = new Int8Array(0x10000).fill(NOT_KNOWN);
const astralDigit = new Map<number, number>();
const bmpSeparator = new Int8Array(0x10000).fill(NOT_KNOWN);
const UNICODE_DIGIT = /^\p{Nd}$/u;
const UNICODE_SEPARATOR =
  /^[\p{Zs}\p{Zl}\p{Zp}\p{Cf}\p{Pd}\u0085\u00b7\u2022\u2024\u2027\u30fb\uff0e\uff61]$/u;

function computeDigit(code: number): number {
  if (!UNICODE_DIGIT.test(String.fromCodePoint(code))) return -1;
  // Unicode encodes every decimal digit set as ten consecutive code points, zero first.
  let start = code;
  while (start > code - 60 && UNICODE_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (code - start) % 10;
}

/** 0–9 for any decimal digit (ASCII, fullwidth, Arabic-Indic, mathematical…), else -1. */
export function digitValue(code: number): number {
  if (code < 0 || code > 0x10ffff) return -1;
  if (code >= 48 && code <= 57) return code - 48;
  if (code < 0x660) return -1;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  if (code <= 0xffff) {
    let value = bmpDigit[code] as number;
    if (value === NOT_KNOWN) {
      value = computeDigit(code);
      bmpDigit[code] = value;
    }
    return value;
  }
  let value = astralDigit.get(code);
  if (value === undefined) {
    value = computeDigit(code);
    astralDigit.set(code, value);
  }
  return value;
}

export function isSeparator(code: number): boolean {
  if (code < 0x80) {
    return code === 0x20 || code === 0x2d || code === 0x2e || code === 0x2b || (code >= 9 && code <= 13);
  }
  if (code > 0xffff) return false;
  let known = bmpSeparator[code] as number;
  if (known === NOT_KNOWN) {
    known = UNICODE_SEPARATOR.test(String.fromCharCode(code)) ? 1 : 0;
    bmpSeparator[code] = known;
  }
  return known === 1;
}

/** '<' itself, or the start of an escape that may spell it (&lt; %3C \u003c). */
function mayStartTag(code: number): boolean {
  return code === 0x3c || code === 0x26 || code === 0x25 || code === 0x5c;
}

/** An HTML tag (raw, or escaped as &lt;…&gt;) at `at`: its end, or -1. */
function tagEndAt(text: string, at: number, steps: ScanSteps): number {
  if (readCharacter(text, at) !== 0x3c) return -1;
  let j = cursor.end;
  const first = readCharacter(text, j);
  const isTagStart = first === 0x2f || first === 0x21 || ((first | 0x20) >= 97 && (first | 0x20) <= 122);
  if (!isTagStart) return -1;
  while (j - at < MAX_TAG_CHARS && j < text.length) {
    steps.steps++;
    const code = readCharacter(text, j);
    j = cursor.end;
    if (code === 0x3e) return j;
    if (code === 0x3c) return -1;
  }
  return -1;
}

/** The digit at `at` (sets cursor.end), or -1. */
function digitAt(text: string, at: number): number {
  if (at >= text.length) return -1;
  const code = text.charCodeAt(at);
  if (code >= 48 && code <= 57) {
    cursor.end = at + 1;
    return code - 48;
  }
  if (code < 0x80 && !mayStartEncoding(code)) return -1;
  return digitValue(readCharacter(text, at));
}

/** Issuer prefix and length (ISO/IEC 7812): Luhn alone passes one in ten. */
export function hasCardBrand(digits: ArrayLike<number>, from: number, length: number): boolean {
  if (length < MIN_CARD_DIGITS || length > MAX_CARD_DIGITS) return false;
  const d1 = digits[from] as number;
  if (d1 < 2 || d1 > 6) return false;
  const p2 = d1 * 10 + (digits[from + 1] as number);
  const p3 = p2 * 10 + (digits[from + 2] as number);
  const p4 = p3 * 10 + (digits[from + 3] as number);
  return (
    (d1 === 4 && (length === 13 || length === 16 || length === 19)) || // Visa
    (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && length === 16) || // Mastercard
    ((p2 === 34 || p2 === 37) && length === 15) || // American Express
    ((p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65) && length >= 16) || // Discover
    (p4 >= 3528 && p4 <= 3589 && length >= 16) || // JCB
    ((p2 === 36 || p2 === 38 || (p3 >= 300 && p3 <= 305)) && length >= 14) || // Diners Club
    (p2 === 62 && length >= 16) || // UnionPay
    MAESTRO_PREFIXES.has(p4)
  );
}

const MAESTRO_PREFIXES = new Set([5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763]);

function doubled(d: number): number {
  return d < 5 ? d * 2 : d * 2 - 9;
}

function luhnSum(digits: ArrayLike<number>, from: number, length: number): number {
  let sum = 0;
  for (let k = 0; k < length; k++) {
    const d = digits[from + length - 1 - k] as number;
    sum += k % 2 === 1 ? doubled(d) : d;
  }
  return sum;
}

/** Luhn over a digit string (tests and callers holding plain digits). */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let k = 0; k < digits.length; k++) {
    const d = digits.charCodeAt(digits.length - 1 - k) - 48;
    sum += k % 2 === 1 ? doubled(d) : d;
  }
  return sum % 10 === 0;
}

/**
 * Every card number in `text`, as merged non-overlapping spans in order. `steps` counts the work
 * done, so a test can prove the pass stays linear on hostile input without timing it.
 */
export function findCardNumbers(text: string, options: FindCardNumbersOptions = {}): CardNumberSpan[] {
  const steps = options.steps ?? { steps: 0 };
  const spans: CardNumberSpan[] = [];
  const { digits, groupDigit, groupLength, groupStart, groupEnd } = chain;
  let i = 0;
  while (i < text.length) {
    steps.steps++;
    // Plain ASCII that is neither a digit nor an escape's start: skipped without a call.
    const plain = text.charCodeAt(i);
    if (plain < 0x80 && (plain < 48 || plain > 57) && !mayStartEncoding(plain)) {
      i++;
      continue;
    }
    const first = digitAt(text, i);
    if (first < 0) {
      const code = text.charCodeAt(i);
      i = mayStartEncoding(code) ? Math.max(i + 1, cursor.end) : i + 1;
      continue;
    }
    // Counters, not `length = 0`: the arrays are reused across chains and calls.
    chain.digitCount = 0;
    chain.groups = 0;
    let at = i;
    let value = first;
    for (;;) {
      // One group: consecutive digits.
      const group = chain.groups++;
      groupDigit[group] = chain.digitCount;
      groupStart[group] = at;
      // A group longer than 19 digits joins no window: only its first digits are kept.
      let length = 0;
      for (;;) {
        if (++length <= MAX_CARD_DIGITS + 2) digits[chain.digitCount++] = value;
        at = cursor.end;
        steps.steps++;
        value = digitAt(text, at);
        if (value < 0) break;
      }
      groupEnd[group] = at;
      groupLength[group] = length;
      // One gap: up to MAX_GAP_TOKENS separators, then a digit, or the chain ends.
      let gapEnd = at;
      let tokens = 0;
      while (tokens < MAX_GAP_TOKENS && gapEnd < text.length) {
        steps.steps++;
        if (isSeparator(readCharacter(text, gapEnd))) {
          gapEnd = cursor.end;
        } else {
          if (!mayStartTag(text.charCodeAt(gapEnd))) break;
          const tagEnd = tagEndAt(text, gapEnd, steps);
          if (tagEnd < 0) break;
          gapEnd = tagEnd;
        }
        tokens++;
      }
      value = tokens > 0 ? digitAt(text, gapEnd) : -1;
      if (value < 0) break;
      at = gapEnd;
    }
    const isByteScan = options.isByteScan === true;
    const chainStart = groupStart[0] as number;
    const headSlack = isByteScan && isRecordEdge(text, chainStart - 1, chainStart) ? 1 : 0;
    const tailSlack = isByteScan && isRecordEdge(text, at, at - 1) ? 1 : 0;
    collectWindows(chain, headSlack, tailSlack, spans, steps);
    i = at;
  }
  // A hostile input's huge chain should not stay in memory for the life of the process.
  if (digits.length > 4096) {
    for (const list of [digits, groupDigit, groupLength, groupStart, groupEnd]) list.length = 0;
  }
  return spans;
}

type Chain = {
  digitCount: number;
  groups: number;
  digits: number[];
  groupDigit: number[]; // index into `digits` where each group starts
  groupLength: number[]; // digits in the group, including any not kept
  groupStart: number[];
  groupEnd: number[];
};

// One chain at a time (the scan is synchronous), kept across calls so no call allocates arrays.
const chain: Chain = {
  digitCount: 0,
  groups: 0,
  digits: [],
  groupDigit: [],
  groupLength: [],
  groupStart: [],
  groupEnd: [],
};

export type FindCardNumbersOptions = {
  steps?: ScanSteps;
  /**
   * Database bytes: a value sits between its record header's serial type or the previous column's
   * bytes and the next column's, any of which may read as an ASCII digit. So a chain's first and
   * last digit may each be dropped from a window when binary lies beyond it (isRecordEdge).
   * Never for redaction: there a digit is a digit.
   */
  isByteScan?: boolean;
};

/**
 * Whether the ASCII digit at `digit` may be a stray byte of a record (see isByteScan): the byte
 * beyond it is binary (a control byte or one above ASCII), not text such as a hex hash's letters.
 */
function isRecordEdge(text: string, beyond: number, digit: number): boolean {
  const code = text.charCodeAt(digit);
  if (!(code >= 48 && code <= 57)) return false;
  if (beyond < 0 || beyond >= text.length) return true;
  const outer = text.charCodeAt(beyond);
  return outer < 0x20 || outer >= 0x7f;
}

function collectWindows(
  chain: Chain,
  chainHeadSlack: number,
  chainTailSlack: number,
  spans: CardNumberSpan[],
  steps: ScanSteps,
): void {
  const { digits, groupDigit, groupLength, groupStart, groupEnd } = chain;
  const groups = chain.groups;
  const slack = chainHeadSlack + chainTailSlack;
  for (let s = 0; s < groups; s++) {
    const firstDigit = groupDigit[s] as number;
    let best = -1;
    let bestFrom = 0;
    let bestTo = 0;
    let total = 0;
    for (let e = s; e < groups; e++) {
      steps.steps++;
      const length = groupLength[e] as number;
      if (length > MAX_CARD_DIGITS + 2) break;
      total += length;
      if (total > MAX_CARD_DIGITS + slack) break;
      const end = firstDigit + total;
      const headSlack = s === 0 ? chainHeadSlack : 0;
      const tailSlack = e === groups - 1 ? chainTailSlack : 0;
      for (let head = headSlack; head >= 0; head--) {
        for (let tail = tailSlack; tail >= 0; tail--) {
          const from = firstDigit + head;
          const to = end - tail;
          if (!hasCardBrand(digits, from, to - from) || luhnSum(digits, from, to - from) % 10 !== 0) continue;
          best = e;
          bestFrom = from;
          bestTo = to;
        }
      }
    }
    if (best < 0) continue;
    const start = groupStart[s] as number;
    const end = groupEnd[best] as number;
    const cardDigits = digits.slice(bestFrom, bestTo).join('');
    const last = spans[spans.length - 1];
    if (last && start < last.end) {
      if (end > last.end) last.end = end;
    } else spans.push({ start, end, digits: cardDigits });
  }
}
