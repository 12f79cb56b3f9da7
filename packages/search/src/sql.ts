// The search package's SQL home (issue 21): every statement of customer search, with named
// parameters and row shapes. Values are always bound; MATCH strings are built from quoted terms in
// search-query.ts. Index rowids follow @keydesk/db's search-rowid.ts (sourceId * stride + kind).
import { SEARCH_KIND as K, SEARCH_ROWID_STRIDE as S, sql } from '@keydesk/db';

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
export type LicenseCandidateRow = {
  id: number;
  key: string;
  keyNormalized: string;
  customerId: number | null;
};
type Rowid = { rowid: number };
/** A JSON array of ids, read with json_each: one statement for any number of them. */
type Ids = { ids: string };

/** How many known name words per first letter typo tolerance compares with. */
export const NAME_TERMS_PER_LETTER = 20_000;

export const exactEmail = sql<SourceRow, { email: string }>(
  'SELECT customerId, email AS text, id AS sourceId FROM CustomerEmail WHERE email = @email',
);
// A range on the unique index: prefix search without LIKE's full scan.
export const emailPrefix = sql<SourceRow, { from: string; to: string; limit: number }>(
  `SELECT customerId, email AS text, id AS sourceId FROM CustomerEmail
   WHERE email >= @from AND email < @to ORDER BY email LIMIT @limit`,
);
export const exactKey = sql<SourceRow, { keyNormalized: string }>(
  `SELECT customerId, key AS text, id AS sourceId FROM License
   WHERE keyNormalized = @keyNormalized AND customerId IS NOT NULL`,
);
export const exactOrder = sql<SourceRow, { resellerOrderId: string }>(
  `SELECT customerId, resellerOrderId AS text, id AS sourceId FROM "Order"
   WHERE resellerOrderId = @resellerOrderId AND customerId IS NOT NULL LIMIT 20`,
);
// Without a cursor the rowid bound is left out: FTS5 walks a bounded range more slowly.
export const substringFirstPage = sql<Rowid, { match: string; limit: number }>(
  'SELECT rowid FROM CustomerSearch WHERE CustomerSearch MATCH @match ORDER BY rowid DESC LIMIT @limit',
);
export const substringPage = sql<Rowid, { match: string; before: number; limit: number }>(
  `SELECT rowid FROM CustomerSearch WHERE CustomerSearch MATCH @match AND rowid < @before
   ORDER BY rowid DESC LIMIT @limit`,
);
// Resolves index rows to their customer and the text that matched (the index stores no text).
export const indexedRows = sql<IndexedRow, { rowids: string }>(
  `SELECT r.value AS rowid, r.value % ${S} AS kind, r.value / ${S} AS sourceId,
     CASE r.value % ${S} WHEN ${K.name} THEN c.id WHEN ${K.place} THEN c.id WHEN ${K.email} THEN e.customerId
       WHEN ${K.licenseKey} THEN l.customerId WHEN ${K.orderId} THEN o.customerId END AS customerId,
     CASE r.value % ${S} WHEN ${K.name} THEN c.name
       WHEN ${K.place} THEN concat_ws(' ', c.company, c.addressLine1, c.addressLine2, c.postalCode, c.city, c.region)
       WHEN ${K.email} THEN e.email WHEN ${K.licenseKey} THEN l.key WHEN ${K.orderId} THEN o.resellerOrderId END AS text
   FROM json_each(@rowids) r
   LEFT JOIN Customer c ON r.value % ${S} IN (${K.name}, ${K.place}) AND c.id = r.value / ${S}
   LEFT JOIN CustomerEmail e ON r.value % ${S} = ${K.email} AND e.id = r.value / ${S}
   LEFT JOIN License l ON r.value % ${S} = ${K.licenseKey} AND l.id = r.value / ${S}
   LEFT JOIN "Order" o ON r.value % ${S} = ${K.orderId} AND o.id = r.value / ${S}`,
);
export const namePage = sql<Rowid, { match: string; before: number; limit: number }>(
  `SELECT rowid FROM CustomerNameWord WHERE CustomerNameWord MATCH @match AND rowid < @before
   ORDER BY rowid DESC LIMIT @limit`,
);
export const vocabularyVersion = sql<{ version: number }>(
  'SELECT version FROM SearchVocabularyVersion WHERE id = 1',
);
export const nameTermExists = sql<{ found: number }, { term: string }>(
  'SELECT 1 AS found FROM CustomerNameTerm WHERE term = @term AND doc > 0',
);
export const nameTermsFrom = sql<{ term: string }, { from: string; to: string }>(
  `SELECT term FROM CustomerNameTerm WHERE term >= @from AND term < @to AND doc > 0 LIMIT ${NAME_TERMS_PER_LETTER}`,
);
export const namesByIds = sql<SourceRow, Ids>(
  'SELECT id AS customerId, name AS text, id AS sourceId FROM Customer WHERE id IN (SELECT value FROM json_each(@ids))',
);
// What tells two customers of the same name apart; each subquery walks one customer's rows
// through its (customerId, …) index, for at most one page of customers.
export const customerSummaries = sql<CustomerSummaryRow, Ids>(
  `SELECT c.id, c.name, c.company, c.country, c.lastSeenAt,
     (SELECT email FROM CustomerEmail WHERE customerId = c.id ORDER BY isPrimary DESC, id LIMIT 1) AS primaryEmail,
     (SELECT count(*) FROM License WHERE customerId = c.id) AS licenseCount,
     (SELECT group_concat(product, ', ') FROM (SELECT DISTINCT product FROM "Order" WHERE customerId = c.id AND isTest = 0 ORDER BY product)) AS products,
     o.purchasedAt AS lastOrderAt, o.amountMinor AS lastOrderAmountMinor, o.currency AS lastOrderCurrency
   FROM Customer c
   LEFT JOIN "Order" o ON o.id = (SELECT id FROM "Order" WHERE customerId = c.id AND isTest = 0
     ORDER BY purchasedAt DESC, id DESC LIMIT 1)
   WHERE c.id IN (SELECT value FROM json_each(@ids))`,
);
export const keyCandidates = sql<Rowid, { match: string }>(
  `SELECT rowid FROM CustomerSearch WHERE CustomerSearch MATCH @match AND rowid % ${S} = ${K.licenseKey} LIMIT 300`,
);
export const licensesByIds = sql<LicenseCandidateRow, Ids>(
  'SELECT id, key, keyNormalized, customerId FROM License WHERE id IN (SELECT value FROM json_each(@ids))',
);
