-- Bulk writers (CSV import, demo data) may defer customer-search indexing to the end of a batch.
-- Why: inside a transaction SQLite opens a statement savepoint for each write that fires a
-- trigger, and FTS5 flushes its pending terms to a new segment at every savepoint, so row-by-row
-- trigger indexing wrote one tiny segment per row and spent most of an import merging them.
--
-- SearchIndexPause holds at most one row, written and deleted inside the same transaction by
-- withDeferredSearchIndex (packages/db/src/search-index.ts), so no other connection ever sees it.
-- It records each table's highest id when the pause began. While it exists, rows above those marks
-- are not indexed by the triggers; the pause indexes them in one INSERT … SELECT per kind before
-- it ends. Every other write (rows at or below the marks, and all deletes) is indexed live as before.
CREATE TABLE "SearchIndexPause" (
  "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
  "customerMark" INTEGER NOT NULL,
  "emailMark" INTEGER NOT NULL,
  "licenseMark" INTEGER NOT NULL,
  "orderMark" INTEGER NOT NULL
);

DROP TRIGGER "Customer_search_ai";
DROP TRIGGER "Customer_search_au";
DROP TRIGGER "CustomerEmail_search_ai";
DROP TRIGGER "CustomerEmail_search_au";
DROP TRIGGER "License_search_ai";
DROP TRIGGER "License_search_au";
DROP TRIGGER "Order_search_ai";
DROP TRIGGER "Order_search_au";

-- Customer: name (kind 1) and company + postal details (kind 2).
CREATE TRIGGER "Customer_search_ai" AFTER INSERT ON "Customer"
WHEN NOT EXISTS (SELECT 1 FROM "SearchIndexPause" WHERE "customerMark" < NEW."id") BEGIN
  INSERT INTO "CustomerSearch" (rowid, "text") VALUES (NEW."id" * 8 + 1, NEW."name");
  INSERT INTO "CustomerSearch" (rowid, "text")
    SELECT NEW."id" * 8 + 2, concat_ws(' ', NEW."company", NEW."addressLine1", NEW."addressLine2", NEW."postalCode", NEW."city", NEW."region")
    WHERE coalesce(NEW."company", NEW."addressLine1", NEW."addressLine2", NEW."postalCode", NEW."city", NEW."region") IS NOT NULL;
  INSERT INTO "CustomerNameWord" (rowid, "name") VALUES (NEW."id", NEW."name");
END;
CREATE TRIGGER "Customer_search_au" AFTER UPDATE OF "name", "company", "addressLine1", "addressLine2", "postalCode", "city", "region" ON "Customer"
WHEN NOT EXISTS (SELECT 1 FROM "SearchIndexPause" WHERE "customerMark" < min(OLD."id", NEW."id")) BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid IN (OLD."id" * 8 + 1, OLD."id" * 8 + 2);
  DELETE FROM "CustomerNameWord" WHERE rowid = OLD."id";
  INSERT INTO "CustomerSearch" (rowid, "text") VALUES (NEW."id" * 8 + 1, NEW."name");
  INSERT INTO "CustomerSearch" (rowid, "text")
    SELECT NEW."id" * 8 + 2, concat_ws(' ', NEW."company", NEW."addressLine1", NEW."addressLine2", NEW."postalCode", NEW."city", NEW."region")
    WHERE coalesce(NEW."company", NEW."addressLine1", NEW."addressLine2", NEW."postalCode", NEW."city", NEW."region") IS NOT NULL;
  INSERT INTO "CustomerNameWord" (rowid, "name") VALUES (NEW."id", NEW."name");
END;

-- CustomerEmail (kind 3).
CREATE TRIGGER "CustomerEmail_search_ai" AFTER INSERT ON "CustomerEmail"
WHEN NOT EXISTS (SELECT 1 FROM "SearchIndexPause" WHERE "emailMark" < NEW."id") BEGIN
  INSERT INTO "CustomerSearch" (rowid, "text") VALUES (NEW."id" * 8 + 3, NEW."email");
END;
CREATE TRIGGER "CustomerEmail_search_au" AFTER UPDATE OF "email" ON "CustomerEmail"
WHEN NOT EXISTS (SELECT 1 FROM "SearchIndexPause" WHERE "emailMark" < min(OLD."id", NEW."id")) BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid = OLD."id" * 8 + 3;
  INSERT INTO "CustomerSearch" (rowid, "text") VALUES (NEW."id" * 8 + 3, NEW."email");
END;

-- License (kind 4): only while it belongs to a customer (erasure sets customerId to NULL).
CREATE TRIGGER "License_search_ai" AFTER INSERT ON "License"
WHEN NEW."customerId" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "SearchIndexPause" WHERE "licenseMark" < NEW."id") BEGIN
  INSERT INTO "CustomerSearch" (rowid, "text") VALUES (NEW."id" * 8 + 4, NEW."keyNormalized");
END;
CREATE TRIGGER "License_search_au" AFTER UPDATE OF "key", "keyNormalized", "customerId" ON "License"
WHEN NOT EXISTS (SELECT 1 FROM "SearchIndexPause" WHERE "licenseMark" < min(OLD."id", NEW."id")) BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid = OLD."id" * 8 + 4;
  INSERT INTO "CustomerSearch" (rowid, "text")
    SELECT NEW."id" * 8 + 4, NEW."keyNormalized" WHERE NEW."customerId" IS NOT NULL;
END;

-- Order (kind 5): the reseller's order id, only while it belongs to a customer.
CREATE TRIGGER "Order_search_ai" AFTER INSERT ON "Order"
WHEN NEW."customerId" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "SearchIndexPause" WHERE "orderMark" < NEW."id") BEGIN
  INSERT INTO "CustomerSearch" (rowid, "text") VALUES (NEW."id" * 8 + 5, NEW."resellerOrderId");
END;
CREATE TRIGGER "Order_search_au" AFTER UPDATE OF "resellerOrderId", "customerId" ON "Order"
WHEN NOT EXISTS (SELECT 1 FROM "SearchIndexPause" WHERE "orderMark" < min(OLD."id", NEW."id")) BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid = OLD."id" * 8 + 5;
  INSERT INTO "CustomerSearch" (rowid, "text")
    SELECT NEW."id" * 8 + 5, NEW."resellerOrderId" WHERE NEW."customerId" IS NOT NULL;
END;

-- FTS5 also writes a new segment whenever its pending terms pass 'hashsize' (1 MB by default);
-- a 10,000-row import batch holds a few MB. The buffer only holds the writes of one transaction
-- and is freed at its commit (the import's peak memory must stay under 300 MB).
INSERT INTO "CustomerSearch" ("CustomerSearch", rank) VALUES ('hashsize', 8388608);
INSERT INTO "CustomerNameWord" ("CustomerNameWord", rank) VALUES ('hashsize', 8388608);
