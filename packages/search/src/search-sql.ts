// Every raw SQL statement of customer search, prepared once per connection. Values are always
// bound; MATCH strings are built from quoted terms in search-query.ts.
import type { Db } from '@keydesk/db';
import type Database from 'better-sqlite3';

/** rowid = sourceId * 8 + kind in CustomerSearch (see the customer_search migration). */
export const SEARCH_KIND = { name: 1, place: 2, email: 3, licenseKey: 4, orderId: 5 } as const;
export const KIND_STRIDE = 8;

export type SourceRow = { customerId: number; text: string; sourceId: number };
export type IndexedRow = SourceRow & { rowid: number; kind: number };
export type CustomerSummaryRow = {
  id: number;
  name: string;
  company: string | null;
  country: string | null;
  lastSeenAt: number;
  primaryEmail: string | null;
  licenseCount: number;
  /** Distinct products the customer bought (test orders aside), comma-separated. */
  products: string | null;
  lastOrderAt: number | null;
  lastOrderAmountMinor: number | null;
  lastOrderCurrency: string | null;
};

/** How many known name words per first letter typo tolerance compares with. */
export const NAME_TERMS_PER_LETTER = 20_000;

function prepareAll(sqlite: Database.Database) {
  const read = (sql: string) => sqlite.prepare(sql).safeIntegers(false);
  return {
    exactEmail: read('SELECT customerId, email AS text, id AS sourceId FROM CustomerEmail WHERE email = ?'),
    // A range on the unique index: prefix search without LIKE's full scan.
    emailPrefix: read(
      `SELECT customerId, email AS text, id AS sourceId FROM CustomerEmail
       WHERE email >= ? AND email < ? ORDER BY email LIMIT ?`,
    ),
    exactKey: read(
      `SELECT customerId, key AS text, id AS sourceId FROM License
       WHERE keyNormalized = ? AND customerId IS NOT NULL`,
    ),
    exactOrder: read(
      `SELECT customerId, resellerOrderId AS text, id AS sourceId FROM "Order"
       WHERE resellerOrderId = ? AND customerId IS NOT NULL LIMIT 20`,
    ),
    // Without a cursor the rowid bound is left out: FTS5 walks a bounded range more slowly.
    substringFirstPage: read(
      'SELECT rowid FROM CustomerSearch WHERE CustomerSearch MATCH ? ORDER BY rowid DESC LIMIT ?',
    ).pluck(),
    substringPage: read(
      `SELECT rowid FROM CustomerSearch WHERE CustomerSearch MATCH ? AND rowid < ?
       ORDER BY rowid DESC LIMIT ?`,
    ).pluck(),
    // Resolves index rows to their customer and the text that matched (the index stores no text).
    indexedRows: read(
      `SELECT r.value AS rowid, r.value % 8 AS kind, r.value / 8 AS sourceId,
         CASE r.value % 8 WHEN 1 THEN c.id WHEN 2 THEN c.id WHEN 3 THEN e.customerId
           WHEN 4 THEN l.customerId WHEN 5 THEN o.customerId END AS customerId,
         CASE r.value % 8 WHEN 1 THEN c.name
           WHEN 2 THEN concat_ws(' ', c.company, c.addressLine1, c.addressLine2, c.postalCode, c.city, c.region)
           WHEN 3 THEN e.email WHEN 4 THEN l.key WHEN 5 THEN o.resellerOrderId END AS text
       FROM json_each(?) r
       LEFT JOIN Customer c ON r.value % 8 IN (1, 2) AND c.id = r.value / 8
       LEFT JOIN CustomerEmail e ON r.value % 8 = 3 AND e.id = r.value / 8
       LEFT JOIN License l ON r.value % 8 = 4 AND l.id = r.value / 8
       LEFT JOIN "Order" o ON r.value % 8 = 5 AND o.id = r.value / 8`,
    ),
    namePage: read(
      `SELECT rowid FROM CustomerNameWord WHERE CustomerNameWord MATCH ? AND rowid < ?
       ORDER BY rowid DESC LIMIT ?`,
    ).pluck(),
    vocabularyVersion: read('SELECT version FROM SearchVocabularyVersion WHERE id = 1').pluck(),
    nameTermExists: read('SELECT 1 FROM CustomerNameTerm WHERE term = ? AND doc > 0').pluck(),
    nameTermsFrom: read(
      `SELECT term FROM CustomerNameTerm WHERE term >= ? AND term < ? AND doc > 0 LIMIT ${NAME_TERMS_PER_LETTER}`,
    ).pluck(),
    namesByIds: read(
      'SELECT id AS customerId, name AS text, id AS sourceId FROM Customer WHERE id IN (SELECT value FROM json_each(?))',
    ),
    // What tells two customers of the same name apart; each subquery walks one customer's rows
    // through its (customerId, …) index, for at most one page of customers.
    customerSummaries: read(
      `SELECT c.id, c.name, c.company, c.country, c.lastSeenAt,
         (SELECT email FROM CustomerEmail WHERE customerId = c.id ORDER BY isPrimary DESC, id LIMIT 1) AS primaryEmail,
         (SELECT count(*) FROM License WHERE customerId = c.id) AS licenseCount,
         (SELECT group_concat(product, ', ') FROM (SELECT DISTINCT product FROM "Order" WHERE customerId = c.id AND isTest = 0 ORDER BY product)) AS products,
         o.purchasedAt AS lastOrderAt, o.amountMinor AS lastOrderAmountMinor, o.currency AS lastOrderCurrency
       FROM Customer c
       LEFT JOIN "Order" o ON o.id = (SELECT id FROM "Order" WHERE customerId = c.id AND isTest = 0
         ORDER BY purchasedAt DESC, id DESC LIMIT 1)
       WHERE c.id IN (SELECT value FROM json_each(?))`,
    ),
    keyCandidates: read(
      `SELECT rowid FROM CustomerSearch WHERE CustomerSearch MATCH ? AND rowid % 8 = 4 LIMIT 300`,
    ).pluck(),
    licensesByIds: read(
      `SELECT id, key, keyNormalized, customerId FROM License WHERE id IN (SELECT value FROM json_each(?))`,
    ),
  };
}

export type SearchStatements = ReturnType<typeof prepareAll>;

const cache = new WeakMap<Database.Database, SearchStatements>();

export function searchStatements(db: Db): SearchStatements {
  let statements = cache.get(db.sqlite);
  if (!statements) {
    statements = prepareAll(db.sqlite);
    cache.set(db.sqlite, statements);
  }
  return statements;
}
