// fast-check generators of card numbers in every disguise redaction must see through: brand
// prefixes and lengths, any grouping, Unicode and doubled separators, line breaks, HTML tags and
// entities, form and JSON escapes typed into the text itself, fullwidth and Arabic-Indic digits.
// Transport encodings (form bodies, JSON, MIME) are added by each test's own path on top.
import fc from 'fast-check';
import { passesLuhn } from './find-card-numbers.ts';

export type DisguisedCard = { digits: string; text: string };

// [prefix, length] pairs covering every brand in find-card-numbers.ts.
const BRAND_SHAPES: [string, number][] = [
  ['4', 13],
  ['4', 16],
  ['4', 19],
  ['51', 16],
  ['55', 16],
  ['2221', 16],
  ['2720', 16],
  ['34', 15],
  ['37', 15],
  ['6011', 16],
  ['65', 19],
  ['644', 17],
  ['3528', 16],
  ['3589', 19],
  ['36', 14],
  ['300', 14],
  ['62', 16],
  ['62', 19],
  ['5018', 13],
  ['6304', 18],
];

/** Separators as someone might type or paste them, with how many gap tokens each is. */
export const CARD_SEPARATORS: [string, number][] = [
  [' ', 1],
  ['-', 1],
  ['.', 1],
  ['\t', 1],
  ['\u00a0', 1],
  ['\u2007', 1],
  ['\u202f', 1],
  ['\u2009', 1],
  ['\u3000', 1],
  ['\u200b', 1],
  ['\u2060', 1],
  ['\ufeff', 1],
  ['\u2013', 1],
  ['\n', 1],
  ['\r\n', 2],
  ['  ', 2],
  ['&nbsp;', 1],
  ['&#32;', 1],
  ['&#x20;', 1],
  ['&#160;', 1],
  ['</span><span>', 2],
  ['<br>', 1],
  ['+', 1],
  ['%20', 1],
  ['%C2%A0', 1],
  ['\\u0020', 1],
  ['\\u00a0', 1],
  ['\\n', 1],
];

function completeLuhn(partial: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(`${partial}${d}`)) return `${partial}${d}`;
  throw new Error('unreachable: one check digit always fits');
}

export const cardDigits = (): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(...BRAND_SHAPES),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }),
    )
    .map(([[prefix, length], body]) =>
      completeLuhn(prefix + body.join('').slice(0, length - prefix.length - 1)),
    );

/** Same shapes with the check digit off by one: must survive redaction. */
export const nonCardDigits = (): fc.Arbitrary<string> =>
  cardDigits().map((d) => `${d.slice(0, -1)}${(Number(d.at(-1)) + 1) % 10}`);

const DIGIT_FORMS = {
  ascii: (d: string) => d,
  fullwidth: (d: string) => String.fromCharCode(0xff10 + Number(d)),
  arabicIndic: (d: string) => String.fromCharCode(0x0660 + Number(d)),
};

const gap = fc
  .array(fc.constantFrom(...CARD_SEPARATORS), { minLength: 1, maxLength: 2 })
  .filter((parts) => parts.reduce((n, [, tokens]) => n + tokens, 0) <= 4)
  .map((parts) => parts.map(([text]) => text).join(''));

/** Writes `digits` grouped, separated and spelt in a random disguise. */
export const disguise = (digits: fc.Arbitrary<string>): fc.Arbitrary<DisguisedCard> =>
  fc
    .record({
      digits,
      sizes: fc.oneof(
        fc.constant([4]),
        fc.constant([4, 6, 5]),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 6 }),
      ),
      gaps: fc.array(gap, { minLength: 19, maxLength: 19 }),
      isJoined: fc.boolean(),
      form: fc.constantFrom<keyof typeof DIGIT_FORMS>('ascii', 'ascii', 'fullwidth', 'arabicIndic'),
    })
    .map(({ digits, sizes, gaps, isJoined, form }) => {
      const groups: string[] = [];
      for (let at = 0, k = 0; at < digits.length; k++) {
        const size = sizes[k % sizes.length] as number;
        groups.push([...digits.slice(at, at + size)].map(DIGIT_FORMS[form]).join(''));
        at += size;
      }
      const text = isJoined
        ? groups.join('')
        : groups.map((g, k) => (k === 0 ? g : `${gaps[k]}${g}`)).join('');
      return { digits, text };
    });

/** A card in a sentence; the words around it hold no digits. */
export const cardInText = (): fc.Arbitrary<DisguisedCard> =>
  fc
    .tuple(
      fc.constantFrom('', 'my card is ', 'Card: ', 'Hi,\n please charge ', '<p>number '),
      disguise(cardDigits()),
      fc.constantFrom('', ' thanks', '.', ' exp 12/28', '</p>', '\nRegards'),
    )
    .map(([before, card, after]) => ({ digits: card.digits, text: `${before}${card.text}${after}` }));
