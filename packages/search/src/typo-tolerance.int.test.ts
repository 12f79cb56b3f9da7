// What the owner types when they half-remember a name: no accents, one letter dropped, doubled
// or swapped, or the surname alone. Any of these must still find the customer.
import { generateDemo } from '@keydesk/db/demo';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCustomers } from './find-customers.ts';
import { foldText } from './search-text.ts';

const PEOPLE = [
  'Łukasz Kowalczyk',
  'Hélène Dubois',
  'Søren Kierkegård',
  'Jürgen Großmann',
  'Ægir Þórsson',
  'Zoë Smithson',
  'Đorđe Petrović',
  'Małgorzata Wójcik',
];

/**
 * One insertion, deletion, substitution or adjacent transposition at `at`. The first letter is
 * kept (swapping it with the second is fine): the name vocabulary is filed by a word's first two
 * letters, and searching every word of every name for a wrong initial would cost a full scan.
 */
function withOneEdit(word: string, edit: number, at: number, letter: string): string {
  const i = edit === 2 ? at % (word.length - 1) : 1 + (at % (word.length - 1));
  switch (edit) {
    case 0: // dropped
      return word.slice(0, i) + word.slice(i + 1);
    case 1: // doubled
      return word.slice(0, i + 1) + word.slice(i);
    case 2: // swapped with the next
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    default: // wrong letter
      return word.slice(0, i) + letter + word.slice(i + 1);
  }
}

describe('typo tolerance for names', () => {
  let db: TestDb;
  const found = (query: string, name: string) =>
    findCustomers({ db, query, limit: 25 }).items.some((hit) => hit.name === name);

  beforeAll(async () => {
    db = await createTestDb();
    generateDemo({ sqlite: db.sqlite, customers: 300, seed: 5 });
    const now = Date.now();
    const insert = db.sqlite.prepare(
      'INSERT INTO Customer (name, firstSeenAt, lastSeenAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)',
    );
    for (const name of PEOPLE) insert.run(name, now, now, now, now);
  });
  afterAll(() => db.destroy());

  it('finds names typed without their accents plus one typo', () => {
    expect(found('Lukasz Kowalczik', 'Łukasz Kowalczyk')).toBe(true);
    expect(found('Helene Dubios', 'Hélène Dubois')).toBe(true);
    expect(found('Soren Kierkegard', 'Søren Kierkegård')).toBe(true);
    expect(found('Jurgen Grossman', 'Jürgen Großmann')).toBe(true);
    expect(found('Aegir Thorsson', 'Ægir Þórsson')).toBe(true);
    expect(found('Malgorzata Wojcik', 'Małgorzata Wójcik')).toBe(true);
  });

  it('finds a surname alone with a typo', () => {
    expect(found('Kowalczik', 'Łukasz Kowalczyk')).toBe(true);
    expect(found('Duboiss', 'Hélène Dubois')).toBe(true);
    expect(found('Petrovic', 'Đorđe Petrović')).toBe(true);
  });

  it('finds any name with its accents stripped and one edit in one word', () => {
    void fc.assert(
      fc.property(
        fc.constantFrom(...PEOPLE),
        fc.nat(1),
        fc.nat(3),
        fc.nat(20),
        fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
        fc.boolean(),
        (name, wordIndex, edit, at, letter, surnameOnly) => {
          const words = foldText(name).split(' ');
          const i = surnameOnly ? 1 : wordIndex;
          words[i] = withOneEdit(words[i] as string, edit, at, letter);
          const query = surnameOnly ? (words[1] as string) : words.join(' ');
          expect(found(query, name), `${query} → ${name}`).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
