// Deferred customer-search indexing for bulk writers (CSV import, demo data).
//
// The search triggers index each row as it is written. Inside a transaction every such write opens
// a statement savepoint, and FTS5 flushes its pending terms to a new segment at each savepoint: a
// bulk write of N rows wrote N tiny segments and spent most of its time merging them. While a pause
// is open (see the deferred_search_index migration), rows created after it began are left to the
// pause, which indexes them with one INSERT … SELECT per kind before it ends, inside the same
// transaction: after the commit the index is in step, exactly as with row-by-row indexing.
import type Database from 'better-sqlite3';

type Marks = { customer: number; email: number; license: number; order: number };

type PauseStatements = {
  isPaused: Database.Statement;
  marks: Database.Statement;
  begin: Database.Statement;
  end: Database.Statement;
  index: Database.Statement[];
  bumpVocabulary: Database.Statement;
};

// Rows above the table's marks, read as they are at the end of the pause (later updates included);
// the rowid scheme is the customer_search migration's (sourceId * 8 + kind). One statement per FTS
// table, in rowid order: FTS5 starts a new segment whenever a rowid is not above the previous one.
const INDEX_NEW_ROWS = [
  `INSERT INTO "CustomerSearch" (rowid, "text")
     SELECT "id" * 8 + 1, "name" FROM "Customer" WHERE "id" > @customer
     UNION ALL
     SELECT "id" * 8 + 2, concat_ws(' ', "company", "addressLine1", "addressLine2", "postalCode", "city", "region")
     FROM "Customer" WHERE "id" > @customer
       AND coalesce("company", "addressLine1", "addressLine2", "postalCode", "city", "region") IS NOT NULL
     UNION ALL
     SELECT "id" * 8 + 3, "email" FROM "CustomerEmail" WHERE "id" > @email
     UNION ALL
     SELECT "id" * 8 + 4, "keyNormalized" FROM "License" WHERE "id" > @license AND "customerId" IS NOT NULL
     UNION ALL
     SELECT "id" * 8 + 5, "resellerOrderId" FROM "Order" WHERE "id" > @order AND "customerId" IS NOT NULL
     ORDER BY 1`,
  `INSERT INTO "CustomerNameWord" (rowid, "name") SELECT "id", "name" FROM "Customer" WHERE "id" > @customer`,
];

const cache = new WeakMap<Database.Database, PauseStatements>();

function statementsFor(sqlite: Database.Database): PauseStatements {
  let statements = cache.get(sqlite);
  if (!statements) {
    statements = {
      isPaused: sqlite.prepare('SELECT 1 FROM "SearchIndexPause"').pluck(),
      marks: sqlite
        .prepare(
          `SELECT (SELECT coalesce(max("id"), 0) FROM "Customer") AS customer,
             (SELECT coalesce(max("id"), 0) FROM "CustomerEmail") AS email,
             (SELECT coalesce(max("id"), 0) FROM "License") AS license,
             (SELECT coalesce(max("id"), 0) FROM "Order") AS "order"`,
        )
        .safeIntegers(false),
      begin: sqlite.prepare(
        `INSERT INTO "SearchIndexPause" ("id", "customerMark", "emailMark", "licenseMark", "orderMark")
         VALUES (1, @customer, @email, @license, @order)`,
      ),
      end: sqlite.prepare('DELETE FROM "SearchIndexPause"'),
      index: INDEX_NEW_ROWS.map((sql) => sqlite.prepare(sql)),
      // The insert trigger skips paused rows; the batch tells the name vocabulary cache once.
      bumpVocabulary: sqlite.prepare(
        'UPDATE "SearchVocabularyVersion" SET "version" = "version" + 1 WHERE "id" = 1',
      ),
    };
    cache.set(sqlite, statements);
  }
  return statements;
}

/**
 * Runs fn in a transaction (a savepoint when one is already open) with search indexing of new
 * Customer, CustomerEmail, License and Order rows deferred to the end of fn. Updates of older rows
 * and deletes are indexed as they happen. Nested calls share the outer pause.
 */
export function withDeferredSearchIndex<T>(sqlite: Database.Database, fn: () => T): T {
  const s = statementsFor(sqlite);
  return sqlite.transaction(() => {
    if (s.isPaused.get() !== undefined) return fn();
    const marks = s.marks.get() as Marks;
    s.begin.run(marks);
    const result = fn();
    for (const statement of s.index) statement.run(marks);
    s.bumpVocabulary.run();
    s.end.run();
    return result;
  })();
}
