import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.ts';
import { findRanges, foldText } from './search-text.ts';

describe('accent folding', () => {
  it('spells letters without a combining mark in ASCII', () => {
    expect(foldText('Łukasz Øster Straße Ærø Đorđe Þór')).toBe('lukasz oster strasse aero dorde thor');
  });

  it('highlights the original letters when a letter folds to two', () => {
    expect(findRanges('Jürgen Großmann', ['grossmann'])).toEqual([[7, 15]]);
  });

  it('leaves nothing but lower-case letters a user can type, for Latin-1 and Central European names', () => {
    void fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿŁłŒœĐđĦħıŦŧĀ-ąĆ-č]{1,12}$/), (name) => {
        expect(foldText(name)).toMatch(/^[a-z]*$/);
      }),
    );
  });
});

describe('edit distance (one insertion, deletion, substitution or adjacent swap is one edit)', () => {
  const word = fc.stringMatching(/^[a-z]{2,12}$/);
  const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');

  it('counts any single edit as at most one', () => {
    void fc.assert(
      fc.property(word, fc.nat(), fc.nat(3), letter, (w, at, kind, c) => {
        const i = at % w.length;
        const edited = [
          w.slice(0, i) + w.slice(i + 1),
          w.slice(0, i) + c + w.slice(i),
          w.slice(0, i) + c + w.slice(i + 1),
          i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w,
        ][kind] as string;
        expect(editDistance(w, edited, 1)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is symmetric and zero only for equal words', () => {
    void fc.assert(
      fc.property(word, word, (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
      }),
    );
  });
});
