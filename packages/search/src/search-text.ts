// Text folding and highlighting shared by every search strategy: the same rules as the FTS5
// tokenizers (case-insensitive, diacritics removed), so a highlight lands where the index matched.
import { normalizeLicenseKey } from '@keydesk/license-key';

export type MatchRange = [start: number, end: number];

/**
 * Letters that carry no combining mark for Unicode to strip (NFKD leaves "ł" a letter of its own),
 * written as an owner types them on an English keyboard: "Łukasz" is searched as "lukasz".
 */
const LETTER_FOLDS: Record<string, string> = {
  ł: 'l',
  ŀ: 'l',
  ø: 'o',
  œ: 'oe',
  ß: 'ss',
  æ: 'ae',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
};

/** For each ASCII letter, the unfoldable letters that read as it: the name vocabulary is filed by first letter. */
export const LETTERS_FOLDING_TO: Record<string, string[]> = {};
for (const [letter, folded] of Object.entries(LETTER_FOLDS)) {
  const first = folded[0] as string;
  LETTERS_FOLDING_TO[first] = [...(LETTERS_FOLDING_TO[first] ?? []), letter];
}

/** Lower case without diacritics (ł, ø, ß, æ … spelled out in ASCII), with a map from each folded character back to the original offset. */
export function foldWithMap(text: string): { folded: string; offsets: number[] } {
  // Most values (emails, keys, order ids) are ASCII: lower-casing keeps every offset.
  if (!/[^\x20-\x7e]/.test(text)) {
    return { folded: text.toLowerCase(), offsets: Array.from({ length: text.length + 1 }, (_, i) => i) };
  }
  let folded = '';
  const offsets: number[] = [];
  let index = 0;
  for (const char of text) {
    const base = char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    for (const part of base) {
      for (const letter of LETTER_FOLDS[part] ?? part) {
        folded += letter;
        offsets.push(index);
      }
    }
    index += char.length;
  }
  offsets.push(index);
  return { folded, offsets };
}

export function foldText(text: string): string {
  return foldWithMap(text).folded;
}

/** Ranges (in the original text) where any needle occurs, case- and accent-insensitively. */
export function findRanges(text: string, needles: string[]): MatchRange[] {
  const { folded, offsets } = foldWithMap(text);
  const ranges: MatchRange[] = [];
  for (const needle of needles) {
    const target = foldText(needle);
    if (target.length === 0) continue;
    let from = folded.indexOf(target);
    while (from !== -1) {
      ranges.push([offsets[from] ?? 0, offsets[from + target.length] ?? text.length]);
      from = folded.indexOf(target, from + target.length);
    }
  }
  return mergeRanges(ranges);
}

/** Ranges of whole words of `text` whose folded form is one of `words` (for typo matches). */
export function findWordRanges(text: string, words: string[]): MatchRange[] {
  const wanted = new Set(words.map(foldText));
  const ranges: MatchRange[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (wanted.has(foldText(match[0]))) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

/**
 * Where a normalized key fragment sits in a key as delivered (dashes skipped), and the key with
 * every other letter masked: a search result proves the match without showing the whole key.
 */
export function highlightKey(display: string, fragment: string): { text: string; ranges: MatchRange[] } {
  const positions: number[] = [];
  let normalized = '';
  for (let i = 0; i < display.length; i++) {
    const char = normalizeLicenseKey(display[i] as string);
    if (char.length === 1) {
      positions.push(i);
      normalized += char;
    }
  }
  const at = fragment ? normalized.indexOf(fragment) : -1;
  if (at === -1) return { text: display.replace(/[^\s\-_.]/g, '•'), ranges: [] };
  const start = positions[at] ?? 0;
  const end = (positions[at + fragment.length - 1] ?? display.length - 1) + 1;
  const masked = [...display]
    .map((char, i) => ((i >= start && i < end) || /[\s\-_.]/.test(char) ? char : '•'))
    .join('');
  return { text: masked, ranges: [[start, end]] };
}

function mergeRanges(ranges: MatchRange[]): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: MatchRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** FTS5 phrase syntax for a user term: quoted, inner quotes doubled, so no input is ever an operator. */
export function quoteFtsTerm(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}
