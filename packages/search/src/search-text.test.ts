import { describe, expect, it } from 'vitest';
import { allowedTypos, editDistance } from './edit-distance.ts';
import { planSearch } from './search-query.ts';
import { findRanges, foldText, highlightKey, quoteFtsTerm } from './search-text.ts';

describe('search text helpers', () => {
  it('folds case and diacritics like the FTS5 tokenizers', () => {
    expect(foldText('Jürgen MÜLLER Åsa Çağrı')).toBe('jurgen muller asa cagri');
  });

  it('highlights in the original text, across accents', () => {
    expect(findRanges('Jürgen Müller', ['muller'])).toEqual([[7, 13]]);
    expect(findRanges('Anna Anna', ['ANNA'])).toEqual([
      [0, 4],
      [5, 9],
    ]);
  });

  it('highlights a key fragment across dashes and masks the rest', () => {
    const { text, ranges } = highlightKey('KD7Q2-M4XHN-8RTVA', 'Q2M4');
    expect(ranges).toEqual([[3, 8]]);
    expect(text).toBe('•••Q2-M4•••-•••••');
  });

  it('quotes FTS terms so input is never syntax', () => {
    expect(quoteFtsTerm('a"b')).toBe('"a""b"');
  });

  it('measures typos, counting a swap of neighbours as one', () => {
    expect(editDistance('smith', 'smtih')).toBe(1);
    expect(editDistance('muller', 'mulller')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(allowedTypos(2)).toBe(0);
    expect(allowedTypos(3)).toBe(1);
    expect(allowedTypos(5)).toBe(1);
    expect(allowedTypos(9)).toBe(2);
  });

  it('plans nothing for tiny queries and a key variant only for key-like ones', () => {
    expect(planSearch(' x ')).toBeNull();
    expect(planSearch('Smith')?.keyFragment).toBeNull();
    expect(planSearch('kd7q2-m4xhn')?.keyFragment).toBe('KD7Q2M4XHN');
    expect(planSearch('kd7q2 m4xhn')?.substringMatch).toBe('("kd7q2" AND "m4xhn") OR ("KD7Q2M4XHN")');
    expect(planSearch('anna@x.org')?.nameWords).toEqual([]);
  });
});
