// Full-text matching of one message in JavaScript, with the same rules as the FTS5 index
// (unicode61, remove_diacritics 2): tokens are runs of letters and digits, compared without case
// or diacritics; every term must occur, the last one as a prefix. conversation.find uses it to
// check the newest conversations first, where SQLite's prefix queries would merge the doclists of
// every matching term (all of the mail, for a common word) once per conversation, and to cut the
// highlighted passage from the message it already holds.

export type SearchTerms = { exact: string[]; prefix: string; tests: RegExp[] };

const TOKEN = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
const ASCII = /^[\x20-\x7e\s]*$/;
const SNIPPET_TOKENS = 16;

/** Case- and diacritic-free form of `text` (`Ré` → `re`); ASCII text only changes case. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return ASCII.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}+/gu, '');
}

function escapeRegExp(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The user's words as terms, or null when there is no word. */
export function toSearchTerms(search: string): SearchTerms | null {
  const words = [...foldText(search).matchAll(TOKEN)].map((m) => m[0]);
  const prefix = words.pop();
  if (prefix === undefined) return null;
  const edge = '(?<![\\p{L}\\p{N}\\p{Co}])';
  const tests = [
    ...words.map((w) => new RegExp(`${edge}${escapeRegExp(w)}(?![\\p{L}\\p{N}\\p{Co}])`, 'u')),
    new RegExp(`${edge}${escapeRegExp(prefix)}`, 'u'),
  ];
  return { exact: words, prefix, tests };
}

/** Whether the message (its fields taken together, as one FTS5 row) holds every term. */
export function messageMatches(terms: SearchTerms, fields: (string | null)[]): boolean {
  const folded = foldText(fields.filter((f) => f !== null).join('\n'));
  return terms.tests.every((test) => test.test(folded));
}

function isHit(terms: SearchTerms, token: string): boolean {
  const key = foldText(token);
  return key.startsWith(terms.prefix) || terms.exact.includes(key);
}

/**
 * About SNIPPET_TOKENS tokens around the first hit in `text`, hits wrapped in \u0002…\u0003 and
 * cut ends marked with `…`, like FTS5's snippet(); null when `text` has no hit.
 */
export function hitSnippet(terms: SearchTerms, text: string): string | null {
  const starts: number[] = [];
  const ends: number[] = [];
  const hits: boolean[] = [];
  let first = -1;
  for (const match of text.matchAll(TOKEN)) {
    const hit = isHit(terms, match[0]);
    starts.push(match.index);
    ends.push(match.index + match[0].length);
    hits.push(hit);
    if (first < 0 && hit) first = hits.length - 1;
    if (first >= 0 && hits.length - first > SNIPPET_TOKENS) break;
  }
  if (first < 0) return null;
  const from = Math.max(0, Math.min(first - 3, hits.length - SNIPPET_TOKENS));
  const to = Math.min(hits.length, from + SNIPPET_TOKENS);
  let out = from > 0 ? '…' : '';
  let at = starts[from] as number;
  if (from === 0) at = 0;
  for (let i = from; i < to; i++) {
    const start = starts[i] as number;
    const end = ends[i] as number;
    out += text.slice(at, start);
    out += hits[i] ? `\u0002${text.slice(start, end)}\u0003` : text.slice(start, end);
    at = end;
  }
  const last = ends[to - 1] as number;
  out += to < hits.length || last < text.trimEnd().length ? '…' : text.slice(last);
  return out;
}
