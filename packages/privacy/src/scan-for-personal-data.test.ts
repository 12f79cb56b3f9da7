import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type PersonToFind, scanForPersonalData } from './scan-for-personal-data.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-personal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const person: PersonToFind = {
  name: 'Zoë Quixwrïght',
  emails: ['zoe.quixwright@erase-me.example'],
  phone: '+44 113 496 0777',
  postalAddress: ['7 Rue de l’Érable'],
  ip: '203.0.113.77',
};

function scan(content: Buffer | string): string[] {
  const file = path.join(dir, `f-${Math.random().toString(36).slice(2)}.bin`);
  writeFileSync(file, content);
  const found = scanForPersonalData([file], person).map((f) => f.term);
  rmSync(file);
  return found;
}

// Each stored form as a real encoder writes it, inside surrounding text.
const ENCODERS: [string, (text: string) => Buffer | string][] = [
  ['plain', (t) => t],
  ['upper case', (t) => t.toUpperCase()],
  ['form body', (t) => `X=1&V=${encodeURIComponent(t).replace(/%20/g, '+')}&Y=2`],
  [
    'JSON, ASCII-only',
    (t) =>
      JSON.stringify({ v: t }).replace(
        /[^\x20-\x7e]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
  ],
  [
    'HTML entities',
    (t) => `<p>${[...t].map((c) => (c.charCodeAt(0) > 0x7e ? `&#${c.codePointAt(0)};` : c)).join('')}</p>`,
  ],
  ['latin1 mail', (t) => Buffer.from(t.replace('’', "'"), 'latin1')],
  ['UTF-16 attachment', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
  [
    'MIME Q word',
    (t) =>
      `Subject: =?utf-8?Q?${[...Buffer.from(t)].map((b) => (b > 0x7e || b === 0x3d ? `=${b.toString(16).toUpperCase()}` : b === 0x20 ? '_' : String.fromCharCode(b))).join('')}?=`,
  ],
];

describe('scanForPersonalData', () => {
  it.each(ENCODERS)('finds name, email, phone, address and IP written as %s', (name, encode) => {
    const terms = scan(
      encode(
        `Name: ${person.name}; mail ${person.emails[0]}; tel ${person.phone}; ${person.postalAddress?.[0]}; ip ${person.ip}`,
      ),
    );
    expect(terms).toContain(person.name);
    expect(terms).toContain(person.emails[0]);
    expect(terms).toContain(person.phone);
    expect(terms).toContain(person.ip);
    // latin1 has no ’: that mail spells the address differently, so only its other parts match.
    if (name !== 'latin1 mail') expect(terms).toContain(person.postalAddress?.[0]);
  });

  it('finds the name inside base64 at any alignment (MIME B words, base64 bodies)', async () => {
    await fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (before, after) => {
        const encoded = Buffer.from(`${before}${person.name}${after}`).toString('base64');
        expect(scan(`From: =?utf-8?B?${encoded}?= <x@y.example>`)).toContain(person.name);
      }),
      { numRuns: 60 },
    );
  });

  it('finds the name without diacritics, as FTS5 tokenizers keep it', () => {
    expect(scan('tokens: zoe quixwright')).toContain(person.name);
  });

  it('finds nothing in someone else’s data', () => {
    expect(
      scan('Name: Zeb Other; mail other@example.com; tel +44 20 7946 0000; 1 Main St; ip 198.51.100.1'),
    ).toEqual([]);
  });
});
