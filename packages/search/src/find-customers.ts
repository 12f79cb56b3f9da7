// Customer search. Strategies, cheapest and most certain first:
//   1. exact: whole email, whole license key (any formatting), whole reseller order id — unique
//      indexes; then email prefix as a range on the email index (first page only, bounded);
//   2. substring: the FTS5 trigram index over names, emails, keys, order ids, company and postal
//      details, newest source rows first (rowid order, so no ranking pass over all matches);
//      paginated with a cursor on the index rowid;
//   3. typo (first page, when the page is not full): each name word that is not a known word is
//      compared with known words starting with its first or second letter (the index vocabulary)
//      by edit distance (1 typo up to 6 letters, 2 above), and the names holding the closest
//      words are fetched from the word index. Words shorter than 3 letters (CJK names, "Li") go
//      to the word index as prefixes instead of the trigram index, which cannot match them.
// Exact hits rank first, then prefixes, substrings, typos; each hit lists why it matched.
import { type Db, SEARCH_KIND } from '@keydesk/db';
import { correctNameWords } from './correct-name-words.ts';
import { buildNameWordMatch, type NameWordTerm, planSearch, type SearchPlan } from './search-query.ts';
import { findRanges, findWordRanges, foldText, highlightKey, type MatchRange } from './search-text.ts';
import {
  customerSummaries,
  emailPrefix,
  exactEmail,
  exactKey,
  exactOrder,
  type IndexedRow,
  indexedRows,
  namePage,
  namesByIds,
  type SourceRow,
  substringFirstPage,
  substringPage,
} from './sql.ts';

export type CustomerMatchField = 'email' | 'name' | 'company' | 'licenseKey' | 'orderId';
export type CustomerMatchKind = 'exact' | 'prefix' | 'substring' | 'typo';
export type CustomerMatch = {
  field: CustomerMatchField;
  kind: CustomerMatchKind;
  /** The matched value; a license key is masked outside the matched part. */
  text: string;
  ranges: MatchRange[];
  licenseId: number | null;
  orderId: number | null;
};
export type CustomerSearchHit = {
  id: number;
  name: string;
  company: string | null;
  country: string | null;
  primaryEmail: string | null;
  lastSeenAt: Date;
  licenseCount: number;
  products: string[];
  lastOrder: { purchasedAt: Date; amountMinor: number; currency: string } | null;
  matches: CustomerMatch[];
};
export type FindCustomersResult = { items: CustomerSearchHit[]; nextCursor: string | null };

const KIND_RANK: Record<CustomerMatchKind, number> = { exact: 0, prefix: 1, substring: 2, typo: 3 };
const FIELD_OF_KIND: Record<number, CustomerMatchField> = {
  [SEARCH_KIND.name]: 'name',
  [SEARCH_KIND.place]: 'company',
  [SEARCH_KIND.email]: 'email',
  [SEARCH_KIND.licenseKey]: 'licenseKey',
  [SEARCH_KIND.orderId]: 'orderId',
};
const MAX_MATCHES_PER_HIT = 3;
const MAX_INDEX_ROUNDS = 4;

type Collected = { rank: number; order: number; matches: CustomerMatch[] };

class HitCollector {
  readonly hits = new Map<number, Collected>();
  add(customerId: number | null, match: CustomerMatch): void {
    if (customerId === null) return;
    const found = this.hits.get(customerId);
    if (!found) {
      this.hits.set(customerId, { rank: KIND_RANK[match.kind], order: this.hits.size, matches: [match] });
      return;
    }
    found.rank = Math.min(found.rank, KIND_RANK[match.kind]);
    const isDuplicate = found.matches.some((m) => m.field === match.field && m.text === match.text);
    if (!isDuplicate && found.matches.length < MAX_MATCHES_PER_HIT) found.matches.push(match);
  }
  has(customerId: number): boolean {
    return this.hits.has(customerId);
  }
  get size(): number {
    return this.hits.size;
  }
}

function matchKind(text: string, plan: SearchPlan): CustomerMatchKind {
  const field = foldText(text);
  const wanted = foldText(plan.text);
  if (field === wanted) return 'exact';
  return field.startsWith(wanted) ? 'prefix' : 'substring';
}

/** A match on one source row; the row's id is kept where the screen links to it (license, order). */
function sourceMatch(
  field: CustomerMatchField,
  kind: CustomerMatchKind,
  row: SourceRow,
  ranges: MatchRange[],
  text = row.text,
): CustomerMatch {
  return {
    field,
    kind,
    text,
    ranges,
    licenseId: field === 'licenseKey' ? row.sourceId : null,
    orderId: field === 'orderId' ? row.sourceId : null,
  };
}

function describeRow(row: IndexedRow, plan: SearchPlan): CustomerMatch {
  const field = FIELD_OF_KIND[row.kind] ?? 'name';
  if (field === 'licenseKey') {
    const fragment = plan.keyFragment ?? plan.text.toUpperCase();
    const { text, ranges } = highlightKey(row.text, fragment);
    const isWhole = ranges[0]?.[0] === 0 && ranges[0]?.[1] === row.text.length;
    return sourceMatch(field, isWhole ? 'exact' : 'substring', row, ranges, text);
  }
  const ranges = findRanges(row.text, plan.words.length > 0 ? plan.words : [plan.text]);
  return sourceMatch(field, matchKind(row.text, plan), row, ranges);
}

/** Returns whether a whole email, key or order id matched. */
function collectExact(db: Db, plan: SearchPlan, hits: HitCollector, limit: number): boolean {
  const addWhole = (field: CustomerMatchField, rows: SourceRow[]) => {
    for (const row of rows)
      hits.add(row.customerId, sourceMatch(field, 'exact', row, [[0, row.text.length]]));
  };
  if (plan.isSingleToken) addWhole('email', exactEmail.all(db, { email: plan.email }));
  if (plan.keyFragment) addWhole('licenseKey', exactKey.all(db, { keyNormalized: plan.keyFragment }));
  if (plan.isSingleToken) {
    addWhole('orderId', exactOrder.all(db, { resellerOrderId: plan.text }));
    if (hits.size > 0) return true;
    const prefixRows = emailPrefix.all(db, { from: plan.email, to: `${plan.email}\u{10FFFF}`, limit });
    for (const row of prefixRows) {
      if (row.text === plan.email) continue;
      hits.add(row.customerId, sourceMatch('email', 'prefix', row, [[0, plan.email.length]]));
    }
    return false;
  }
  return hits.size > 0;
}

/** Walks the trigram index newest first until `limit` customers are collected; returns the next cursor. */
function collectSubstrings(
  db: Db,
  plan: SearchPlan,
  match: string,
  hits: HitCollector,
  limit: number,
  before: number,
): string | null {
  const batch = Math.min(200, limit * 2);
  let cursor = before;
  for (let round = 0; round < MAX_INDEX_ROUNDS; round++) {
    const rowids = (
      cursor === Number.MAX_SAFE_INTEGER
        ? substringFirstPage.all(db, { match, limit: batch })
        : substringPage.all(db, { match, before: cursor, limit: batch })
    ).map(({ rowid }) => rowid);
    if (rowids.length === 0) return null;
    const rows = indexedRows.all(db, { rowids: JSON.stringify(rowids) }).sort((a, b) => b.rowid - a.rowid);
    for (const row of rows) {
      if (hits.size >= limit && !hits.has(row.customerId)) return `s${cursor}`;
      hits.add(row.customerId, describeRow(row, plan));
      cursor = row.rowid;
    }
    if (rowids.length < batch) return null;
  }
  return `s${cursor}`;
}

/** Names by whole words (prefix for the words as typed): CJK names and words shorter than a trigram. */
function collectNameWords(
  db: Db,
  terms: NameWordTerm[],
  kind: CustomerMatchKind,
  hits: HitCollector,
  limit: number,
  before: number,
): string | null {
  const want = limit - hits.size;
  if (want <= 0 || terms.length === 0) return null;
  const ids = namePage
    .all(db, { match: buildNameWordMatch(terms), before, limit: want + 1 })
    .map(({ rowid }) => rowid);
  const page = ids.slice(0, want);
  const rows = namesByIds.all(db, { ids: JSON.stringify(page) });
  const byId = new Map(rows.map((row) => [row.customerId, row.text]));
  const words = terms.flatMap((term) => term.alternatives);
  for (const id of page) {
    const name = byId.get(id);
    if (name === undefined) continue;
    const ranges = kind === 'typo' ? findWordRanges(name, words) : findRanges(name, words);
    hits.add(id, { field: 'name', kind, text: name, ranges, licenseId: null, orderId: null });
  }
  return ids.length > want ? `w${page.at(-1)}` : null;
}

export function findCustomers(options: {
  db: Db;
  query: string;
  limit?: number;
  cursor?: string | null;
}): FindCustomersResult {
  const limit = Math.max(1, Math.min(100, options.limit ?? 25));
  const plan = planSearch(options.query);
  if (!plan) return { items: [], nextCursor: null };
  const { db } = options;
  const hits = new HitCollector();
  const cursor = options.cursor ?? null;
  const before = cursor ? Number(cursor.slice(1)) : Number.MAX_SAFE_INTEGER;
  let nextCursor: string | null = null;

  const isIdentifierHit = !cursor && collectExact(db, plan, hits, limit);
  if (isIdentifierHit) {
    // A whole email, key or order id names its customer: no substring pass over the index.
  } else if (!cursor && plan.substringMatch && hits.size >= limit) {
    // Email prefixes filled the page; "more" continues with substring matches.
    nextCursor = `s${Number.MAX_SAFE_INTEGER}`;
  } else if (plan.substringMatch && (!cursor || cursor.startsWith('s'))) {
    nextCursor = collectSubstrings(db, plan, plan.substringMatch, hits, limit, before);
  } else if (plan.nameWords.length > 0 && (!cursor || cursor.startsWith('w'))) {
    const terms = plan.nameWords.map((word) => ({ alternatives: [word], isPrefix: true }));
    nextCursor = collectNameWords(db, terms, 'prefix', hits, limit, before);
  }
  if (!cursor && !isIdentifierHit && hits.size < limit && plan.nameWords.length > 0) {
    const corrected = correctNameWords(db, plan.nameWords, hits.size > 0);
    if (corrected) collectNameWords(db, corrected, 'typo', hits, limit, Number.MAX_SAFE_INTEGER);
  }
  return { items: summarize(db, hits), nextCursor };
}

function summarize(db: Db, hits: HitCollector): CustomerSearchHit[] {
  const ids = [...hits.hits.keys()];
  if (ids.length === 0) return [];
  const rows = customerSummaries.all(db, { ids: JSON.stringify(ids) });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return [...hits.hits.entries()]
    .sort(([, a], [, b]) => a.rank - b.rank || a.order - b.order)
    .flatMap(([id, collected]) => {
      const row = byId.get(id);
      if (!row) return [];
      const matches = [...collected.matches].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind]);
      const { lastOrderAt, lastOrderAmountMinor, lastOrderCurrency, products, ...summary } = row;
      const lastOrder =
        lastOrderAt !== null && lastOrderAmountMinor !== null && lastOrderCurrency !== null
          ? {
              purchasedAt: new Date(lastOrderAt),
              amountMinor: lastOrderAmountMinor,
              currency: lastOrderCurrency,
            }
          : null;
      return [
        {
          ...summary,
          lastSeenAt: new Date(row.lastSeenAt),
          products: products ? products.split(', ') : [],
          lastOrder,
          matches,
        },
      ];
    });
}
