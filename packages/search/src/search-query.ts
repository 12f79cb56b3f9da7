// Turns what the owner typed into the plan findCustomers runs: which strategies apply and the
// FTS5 MATCH strings, every user term quoted so input can never be FTS syntax.
import { normalizeLicenseKey } from '@keydesk/license-key';
import { foldText, quoteFtsTerm } from './search-text.ts';

export const MAX_SEARCH_LENGTH = 200;
/** The trigram tokenizer cannot match anything shorter. */
const TRIGRAM = 3;

export type SearchPlan = {
  text: string;
  /** Lower-cased, for the email index (emails are stored lower-cased). */
  email: string;
  /** Whole-email lookups and the email prefix range apply only to a single token. */
  isSingleToken: boolean;
  /** Words as typed (3+ characters), searched as substrings of any field. */
  words: string[];
  /** The query as a license key (upper case, no separators, O/I/L read as 0/1/1), when it could be one. */
  keyFragment: string | null;
  /** Trigram MATCH over every field, or null when no term is long enough. */
  substringMatch: string | null;
  /** Folded name words (letters only) for the word index and typo tolerance. */
  nameWords: string[];
};

/** Null for an empty or one-character query: nothing worth a database call. */
export function planSearch(raw: string): SearchPlan | null {
  const text = raw.trim().replace(/\s+/g, ' ').slice(0, MAX_SEARCH_LENGTH);
  if ([...text].length < 2) return null;
  const tokens = text.split(' ');
  const words = tokens.filter((token) => [...token].length >= TRIGRAM);
  // A key fragment is letters and digits with optional separators, with a digit or a separator in it:
  // "kd7q2 m4xhn" and "KD7Q2-M4X" are keys, "Smith" is not.
  const looksLikeKey = /^[A-Za-z0-9][A-Za-z0-9\s\-_.]*$/.test(text) && /[\d\-_.\s]/.test(text);
  const normalizedKey = normalizeLicenseKey(text);
  const keyFragment = looksLikeKey && normalizedKey.length >= TRIGRAM ? normalizedKey : null;
  const alternatives: string[] = [];
  if (words.length > 0) alternatives.push(words.map(quoteFtsTerm).join(' AND '));
  if (keyFragment && !words.some((word) => word.toUpperCase() === keyFragment)) {
    alternatives.push(quoteFtsTerm(keyFragment));
  }
  const substringMatch =
    alternatives.length === 0
      ? null
      : alternatives.length === 1
        ? (alternatives[0] as string)
        : alternatives.map((part) => `(${part})`).join(' OR ');
  const nameWords = tokens
    .map((token) => foldText(token).replace(/[^\p{L}]+/gu, ''))
    .filter((word) => word.length > 0);
  return {
    text,
    email: text.toLowerCase(),
    isSingleToken: tokens.length === 1,
    words,
    keyFragment,
    substringMatch,
    nameWords: /\d|@/.test(text) ? [] : nameWords,
  };
}

export type NameWordTerm = { alternatives: string[]; isPrefix: boolean };

/** The word-index query for names: every word must be present (one of its alternatives). */
export function buildNameWordMatch(words: NameWordTerm[]): string {
  return words
    .map(({ alternatives, isPrefix }) => {
      const terms = alternatives.map((word) => `${quoteFtsTerm(word)}${isPrefix ? '*' : ''}`);
      return terms.length === 1 ? (terms[0] as string) : `(${terms.join(' OR ')})`;
    })
    .join(' AND ');
}
