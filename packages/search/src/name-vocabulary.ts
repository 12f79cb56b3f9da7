// The known name words, by first letter, for typo tolerance. fts5vocab computes each word's
// document count by walking its postings, so reading all words that start with one letter costs
// milliseconds at a million customers; the words themselves change rarely. They are kept per
// connection and read again only after SearchVocabularyVersion moves (new, renamed or deleted
// customers: see the search_vocabulary_version migration).
import { NAME_TERMS_PER_LETTER, type SearchStatements } from './search-sql.ts';

type Vocabulary = { version: number; byFirstLetter: Map<string, ReadonlySet<string>> };

// Keyed by the connection's prepared statements, which search-sql.ts makes once per connection.
const vocabularies = new WeakMap<SearchStatements, Vocabulary>();

/** Name words in use (at least one customer) that start with `letter`. */
export function nameWordsStartingWith(statements: SearchStatements, letter: string): ReadonlySet<string> {
  const version = statements.vocabularyVersion.get() as number;
  let vocabulary = vocabularies.get(statements);
  if (!vocabulary || vocabulary.version !== version) {
    vocabulary = { version, byFirstLetter: new Map() };
    vocabularies.set(statements, vocabulary);
  }
  let words = vocabulary.byFirstLetter.get(letter);
  if (!words) {
    words = new Set(statements.nameTermsFrom.all(letter, `${letter}\u{10FFFF}`) as string[]);
    vocabulary.byFirstLetter.set(letter, words);
  }
  return words;
}

/** Whether some customer's name holds `word`; exact even when a letter has more words than are cached. */
export function isKnownNameWord(statements: SearchStatements, word: string): boolean {
  const words = nameWordsStartingWith(statements, [...word][0] ?? '');
  if (words.has(word)) return true;
  return words.size >= NAME_TERMS_PER_LETTER && Boolean(statements.nameTermExists.get(word));
}
