// Typo tolerance for names: which known name words a query word may have meant.
import type { Db } from '@keydesk/db';
import { allowedTypos, editDistance } from './edit-distance.ts';
import { isKnownNameWord, nameWordsReadingFrom } from './name-vocabulary.ts';
import type { NameWordTerm } from './search-query.ts';

const TYPO_ALTERNATIVES = 5;

/**
 * Known name words within the allowed number of typos of each query word, compared by their ASCII
 * reading (the word itself first when known: "soren" also tries "søren", "lukasz" finds "łukasz");
 * null when every word is known as typed, has no other spelling and the substring search found
 * names with them ("Lukas Kowalczyk" is two known words, yet only "Łukasz Kowalczyk" exists).
 */
export function correctNameWords(db: Db, words: string[], isFoundAsTyped: boolean): NameWordTerm[] | null {
  let hasUnknownWord = false;
  let hasOtherSpelling = false;
  const terms = words.map((word): NameWordTerm => {
    const max = allowedTypos(word.length);
    const isKnown = isKnownNameWord(db, word);
    if (!isKnown) hasUnknownWord = true;
    const scored: { term: string; distance: number }[] = [];
    // First or second letter: a doubled, swapped or dropped letter after the first still files
    // the word under a letter it starts with.
    for (const start of new Set([...word].slice(0, max === 0 ? 1 : 2))) {
      for (const known of nameWordsReadingFrom(db, start)) {
        for (const [term, reading] of known) {
          if (term === word) continue;
          const distance = editDistance(word, reading, max);
          if (distance <= max) scored.push({ term, distance });
          // "soren" is a word of its own, yet "Søren" reads the same and the trigram index keeps the ø.
          if (distance === 0) hasOtherSpelling = true;
        }
      }
    }
    scored.sort((a, b) => a.distance - b.distance);
    const close = scored.map((s) => s.term).slice(0, TYPO_ALTERNATIVES);
    if (isKnown) return { alternatives: [word, ...close], isPrefix: false };
    return close.length > 0
      ? { alternatives: close, isPrefix: false }
      : { alternatives: [word], isPrefix: true };
  });
  return hasUnknownWord || hasOtherSpelling || !isFoundAsTyped ? terms : null;
}
