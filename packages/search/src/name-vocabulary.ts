// The known name words, by first letter, for typo tolerance. fts5vocab computes each word's
// document count by walking its postings, so reading all words that start with one letter costs
// milliseconds at a million customers; the words themselves change rarely. They are kept per
// connection and read again only after SearchVocabularyVersion moves (new, renamed or deleted
// customers: see the search_vocabulary_version migration).
import { NAME_TERMS_PER_LETTER, type SearchStatements } from './search-sql.ts';
import { foldText, LETTERS_FOLDING_TO } from './search-text.ts';

/** Each word as the index stores it ("łukasz"), with its ASCII reading ("lukasz") for comparison. */
export type NameWords = ReadonlyMap<string, string>;
type Vocabulary = { version: number; byFirstLetter: Map<string, NameWords> };

// Keyed by the connection's prepared statements, which search-sql.ts makes once per connection.
const vocabularies = new WeakMap<SearchStatements, Vocabulary>();

function vocabularyOf(statements: SearchStatements): Vocabulary {
  const version = statements.vocabularyVersion.get() as number;
  let vocabulary = vocabularies.get(statements);
  if (!vocabulary || vocabulary.version !== version) {
    vocabulary = { version, byFirstLetter: new Map() };
    vocabularies.set(statements, vocabulary);
  }
  return vocabulary;
}

/** Name words in use (at least one customer) that start with `letter` exactly as stored. */
export function nameWordsStartingWith(statements: SearchStatements, letter: string): NameWords {
  const vocabulary = vocabularyOf(statements);
  let words = vocabulary.byFirstLetter.get(letter);
  if (!words) {
    const terms = statements.nameTermsFrom.all(letter, `${letter}\u{10FFFF}`) as string[];
    words = new Map(terms.map((term) => [term, foldText(term)]));
    vocabulary.byFirstLetter.set(letter, words);
  }
  return words;
}

/**
 * Name words whose ASCII reading starts with `letter`: the index keeps "ł", "ø" or "æ" (its
 * tokenizer strips only combining marks), so "l" also reads the words under "ł".
 */
export function nameWordsReadingFrom(statements: SearchStatements, letter: string): NameWords[] {
  return [letter, ...(LETTERS_FOLDING_TO[letter] ?? [])].map((first) =>
    nameWordsStartingWith(statements, first),
  );
}

/** Whether some customer's name holds `word`; exact even when a letter has more words than are cached. */
export function isKnownNameWord(statements: SearchStatements, word: string): boolean {
  const words = nameWordsStartingWith(statements, [...word][0] ?? '');
  if (words.has(word)) return true;
  return words.size >= NAME_TERMS_PER_LETTER && Boolean(statements.nameTermExists.get(word));
}
