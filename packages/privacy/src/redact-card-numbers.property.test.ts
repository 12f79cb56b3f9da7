import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardDigits, cardInText, disguise, nonCardDigits } from './card-number-arbitraries.ts';
import { findCardNumbers } from './find-card-numbers.ts';
import { redactAttachmentContent } from './redact-attachment.ts';
import { CARD_REDACTION_MARK, redactCardNumbers, redactJson } from './redact-card-numbers.ts';

const asciiDigits = (text: string) =>
  text
    .replace(/[\uff10-\uff19]/g, (c) => String(c.charCodeAt(0) - 0xff10))
    .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x660));

describe('redactCardNumbers, property', () => {
  it('removes a card in any disguise, and in any transport encoding of that disguise', async () => {
    await fc.assert(
      fc.property(
        cardInText(),
        fc.constantFrom('raw', 'form', 'form+', 'json', 'json-ascii'),
        (card, transport) => {
          const text =
            transport === 'form'
              ? encodeURIComponent(card.text)
              : transport === 'form+'
                ? encodeURIComponent(card.text).replace(/%20/g, '+')
                : transport === 'json'
                  ? JSON.stringify({ msg: card.text })
                  : transport === 'json-ascii'
                    ? JSON.stringify({ msg: card.text }).replace(
                        /[^\x20-\x7e]|\s/g,
                        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
                      )
                    : card.text;
          const redacted = redactCardNumbers(text);
          expect(redacted).toContain(CARD_REDACTION_MARK);
          expect(findCardNumbers(redacted)).toEqual([]);
          expect(asciiDigits(redacted).replace(/\D/g, '')).not.toContain(card.digits);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps Luhn-failing numbers and unbroken runs of more than 19 digits', async () => {
    await fc.assert(
      fc.property(
        disguise(nonCardDigits()).filter((c) => !/\D/.test(asciiDigits(c.text))),
        cardDigits(),
        fc.integer({ min: 1, max: 9 }),
        (nonCard, card, extra) => {
          expect(redactCardNumbers(`ref ${nonCard.text} ok`)).toBe(`ref ${nonCard.text} ok`);
          const longRun = `${card}${'7'.repeat(20 - card.length + extra)}`;
          expect(redactCardNumbers(`id ${longRun}`)).toBe(`id ${longRun}`);
        },
      ),
    );
  });

  it('redacts text attachments in UTF-8, latin1 and UTF-16, and masks binary ones in place', async () => {
    await fc.assert(
      fc.property(disguise(cardDigits()), (card) => {
        const text = `Invoice\r\nCard: ${card.text}\r\n`;
        const utf8 = redactAttachmentContent({
          filename: 'a.txt',
          contentType: 'text/plain',
          content: Buffer.from(text),
        });
        expect(utf8.toString()).toContain(CARD_REDACTION_MARK);
        const utf16 = redactAttachmentContent({
          filename: 'a.csv',
          contentType: 'text/csv',
          content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
        });
        expect(utf16.subarray(2).toString('utf16le')).toContain(CARD_REDACTION_MARK);
        const binary = Buffer.concat([Buffer.from([0x25, 0x50, 0x44, 0x46, 0]), Buffer.from(text)]);
        const masked = redactAttachmentContent({
          filename: 'a.pdf',
          contentType: 'application/pdf',
          content: binary,
        });
        expect(masked.length).toBe(binary.length);
        for (const out of [utf8, masked]) expect(findCardNumbers(out.toString('latin1'))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('walks JSON values whatever the disguise', async () => {
    await fc.assert(
      fc.property(cardInText(), (card) => {
        const out = JSON.stringify(redactJson({ chat: { messages: [{ msg: card.text }] } }));
        expect(findCardNumbers(out)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('findCardNumbers on hostile input', () => {
  const M = 1 << 20;
  const fill = (unit: string) => unit.repeat(Math.ceil(M / unit.length)).slice(0, M);
  it.each([
    ['one digit run', fill('4')],
    ['single digits and spaces', fill('1 ')],
    ['cards back to back', fill('4111 1111 1111 1111 ')],
    ['double spaces', fill('1  ')],
    ['broken entities', fill('&#')],
    ['nested &amp;', fill('&amp;')],
    ['entity separators', fill('1&nbsp;')],
    ['percent signs', fill('%25')],
    ['double escapes', fill('1%2520')],
    ['open brackets', fill('<')],
    ['unclosed tags', fill('1<a')],
    ['one endless tag', `1<${'a'.repeat(M)}`],
    ['tags between digits', fill('1</span><span>')],
    ['backslashes', fill('\\')],
    ['escaped escapes', fill('1\\\\\\u0020')],
    ['fullwidth with ideographic spaces', fill('\uff11\u3000')],
    ['UTF-8 bytes read as latin1', fill('1\xc2\xa0')],
  ])('stays linear on %s (1 MiB)', (_name, text) => {
    // Counted work instead of a clock: a quadratic pass would need about a million steps per character.
    const steps = { steps: 0 };
    findCardNumbers(text, { steps });
    expect(steps.steps).toBeLessThan(16 * text.length);
  });
});
