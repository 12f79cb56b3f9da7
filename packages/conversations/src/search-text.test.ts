import { describe, expect, it } from 'vitest';
import { foldText, hitSnippet, messageMatches, toSearchTerms } from './search-text.ts';

function terms(search: string) {
  const t = toSearchTerms(search);
  if (!t) throw new Error('no terms');
  return t;
}

describe('search-text', () => {
  it('folds case and diacritics like the unicode61 tokenizer', () => {
    expect(foldText('Problème CLÉ Ünïcode')).toBe('probleme cle unicode');
    expect(foldText('Plain ASCII')).toBe('plain ascii');
  });

  it('reads words, the last as a prefix; no words is no search', () => {
    expect(toSearchTerms('Activation  érr')).toMatchObject({ exact: ['activation'], prefix: 'err' });
    expect(toSearchTerms('  "(* ')).toBeNull();
  });

  it('matches every term within one message, whole words except the last', () => {
    expect(messageMatches(terms('activation err'), ['Help', 'Activation error on Windows'])).toBe(true);
    expect(messageMatches(terms('activation err'), ['Activation', 'an ERROR'])).toBe(true);
    expect(messageMatches(terms('activat err'), ['Activation error', null])).toBe(false);
    expect(messageMatches(terms('key'), ['turkey sandwich'])).toBe(false);
    expect(messageMatches(terms('cle'), ['la clé ne marche pas'])).toBe(true);
  });

  it('cuts a passage around the first hit with the hits marked', () => {
    const text = `${'word '.repeat(30)}the License key failed, license again ${'tail '.repeat(30)}`;
    const snippet = hitSnippet(terms('licen'), text) ?? '';
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('\u0002License\u0003 key failed, \u0002license\u0003 again');
    expect(hitSnippet(terms('Zebra'), 'short zebras text')).toBe('short \u0002zebras\u0003 text');
    expect(hitSnippet(terms('absent'), text)).toBeNull();
  });
});
