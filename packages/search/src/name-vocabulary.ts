// The known name words, by first letter, for typo tolerance. fts5vocab computes each word's
// document count by walking its postings, so reading all words that start with one letter costs
// milliseconds at a million customers; the words themselves change rarely. They are kept per
// connection and read again only after SearchVocabularyVersion moves (new, renamed or deleted
// customers: see the search_vocabulary_version migration).
import type { Db } from '@keydesk/db';
import { foldText, LETTERS_FOLDING_TO } from './search-text.ts';
import { NAME_TERMS_PER_LETTER, nameTermExists, nameTermsFrom, vocabularyVersion } from './sql.ts';

/** Each word as the index stores it ("łukasz"), with its ASCII reading ("lukasz") for comparison. */
export type NameWords = ReadonlyMap<string, string>;
type Vocabulary = { version: number; byFirstLetter: Map<string, NameWords> };

// Keyed by the connection: each database has its own words.
const vocabularies = new WeakMap<Db['sqlite'], Vocabulary>();

function vocabularyOf(db: Db): Vocabulary {
  // The migration inserts the one row; 0 only keeps the type honest.
  const version = vocabularyVersion.get(db)?.version ?? 0;
  let vocabulary = vocabularies.get(db.sqlite);
  if (!vocabulary || vocabulary.version !== version) {
    vocabulary = { version, byFirstLetter: new Map() };
    vocabularies.set(db.sqlite, vocabulary);
  }
  return vocabulary;
}

/** Name words in use (at least one customer) that start with `letter` exactly as stored. */
export function nameWordsStartingWith(db: Db, letter: string): NameWords {
  const vocabulary = vocabularyOf(db);
  let words = vocabulary.byFirstLetter.get(letter);
  if (!words) {
    const rows = nameTermsFrom.all(db, { from: letter, to: `${letter}\u{10FFFF}` });
    words = new Map(rows.map(({ term }) => [term, foldText(term)]));
    vocabulary.byFirstLetter.set(letter, words);
  }
  return words;
}

/**
 * Name words whose ASCII reading starts with `letter`: the index keeps "ł", "ø" or "æ" (its
 * tokenizer strips only combining marks), so "l" also reads the words under "ł".
 */
export function nameWordsReadingFrom(db: Db, letter: string): NameWords[] {
  return [letter, ...(LETTERS_FOLDING_TO[letter] ?? [])].map((first) => nameWordsStartingWith(db, first));
}

/** Whether some customer's name holds `word`; exact even when a letter has more words than are cached. */
export function isKnownNameWord(db: Db, word: string): boolean {
  const words = nameWordsStartingWith(db, [...word][0] ?? '');
  if (words.has(word)) return true;
  return words.size >= NAME_TERMS_PER_LETTER && nameTermExists.get(db, { term: word }) !== undefined;
}
