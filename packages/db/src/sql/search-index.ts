// The db package's SQL for deferred search indexing (see search-index.ts). This folder is the
// package's SQL home; sql.ts beside it is the typed-statement helper itself.
import { SEARCH_KIND as K, SEARCH_ROWID_STRIDE as S } from '../search-rowid.ts';
import { sql } from '../sql.ts';

/** The highest id of each indexed table when a pause begins: rows above it are the pause's. */
export type Marks = { customer: number; email: number; license: number; order: number };

export const isSearchIndexPaused = sql<{ paused: number }>('SELECT 1 AS paused FROM "SearchIndexPause"');

export const searchIndexMarks = sql<Marks>(
  `SELECT (SELECT coalesce(max("id"), 0) FROM "Customer") AS customer,
     (SELECT coalesce(max("id"), 0) FROM "CustomerEmail") AS email,
     (SELECT coalesce(max("id"), 0) FROM "License") AS license,
     (SELECT coalesce(max("id"), 0) FROM "Order") AS "order"`,
);

export const beginSearchIndexPause = sql<never, Marks>(
  `INSERT INTO "SearchIndexPause" ("id", "customerMark", "emailMark", "licenseMark", "orderMark")
   VALUES (1, @customer, @email, @license, @order)`,
);

export const endSearchIndexPause = sql('DELETE FROM "SearchIndexPause"');

// Rows above the table's marks, read as they are at the end of the pause (later updates included);
// rowids as in search-rowid.ts. One statement per FTS table, in rowid order: FTS5 starts a new
// segment whenever a rowid is not above the previous one.
export const indexNewRows = [
  sql<never, Marks>(
    `INSERT INTO "CustomerSearch" (rowid, "text")
       SELECT "id" * ${S} + ${K.name}, "name" FROM "Customer" WHERE "id" > @customer
       UNION ALL
       SELECT "id" * ${S} + ${K.place}, concat_ws(' ', "company", "addressLine1", "addressLine2", "postalCode", "city", "region")
       FROM "Customer" WHERE "id" > @customer
         AND coalesce("company", "addressLine1", "addressLine2", "postalCode", "city", "region") IS NOT NULL
       UNION ALL
       SELECT "id" * ${S} + ${K.email}, "email" FROM "CustomerEmail" WHERE "id" > @email
       UNION ALL
       SELECT "id" * ${S} + ${K.licenseKey}, "keyNormalized" FROM "License" WHERE "id" > @license AND "customerId" IS NOT NULL
       UNION ALL
       SELECT "id" * ${S} + ${K.orderId}, "resellerOrderId" FROM "Order" WHERE "id" > @order AND "customerId" IS NOT NULL
       ORDER BY 1`,
  ),
  sql<never, Marks>(
    `INSERT INTO "CustomerNameWord" (rowid, "name") SELECT "id", "name" FROM "Customer" WHERE "id" > @customer`,
  ),
];

// The insert trigger skips paused rows; the batch tells the name vocabulary cache once.
export const bumpSearchVocabulary = sql(
  'UPDATE "SearchVocabularyVersion" SET "version" = "version" + 1 WHERE "id" = 1',
);
