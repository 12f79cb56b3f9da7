-- License.key needs no index of its own: keys are looked up by keyNormalized, whose unique index
-- also keeps keys unique (equal keys normalise equally). One random-order B-tree fewer per license.
-- DropIndex
DROP INDEX "License_key_key";

-- The search triggers on UPDATE fired whenever a statement named a searched column, changed or
-- not: the order writer's update of a returning customer (new lastSeenAt, same name) deleted and
-- re-added their search rows, and FTS5 wrote a segment for each. They now fire only when the
-- indexed text or owner changes.
DROP TRIGGER "Customer_search_au";
CREATE TRIGGER "Customer_search_au" AFTER UPDATE OF "name", "company", "addressLine1", "addressLine2", "postalCode", "city", "region" ON "Customer"
WHEN (OLD."name" IS NOT NEW."name" OR OLD."company" IS NOT NEW."company"
    OR OLD."addressLine1" IS NOT NEW."addressLine1" OR OLD."addressLine2" IS NOT NEW."addressLine2"
    OR OLD."postalCode" IS NOT NEW."postalCode" OR OLD."city" IS NOT NEW."city" OR OLD."region" IS NOT NEW."region")
  AND NOT EXISTS (SELECT 1 FROM "SearchIndexPause" WHERE "customerMark" < min(OLD."id", NEW."id")) BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid IN (OLD."id" * 8 + 1, OLD."id" * 8 + 2);
  DELETE FROM "CustomerNameWord" WHERE rowid = OLD."id";
  INSERT INTO "CustomerSearch" (rowid, "text") VALUES (NEW."id" * 8 + 1, NEW."name");
  INSERT INTO "CustomerSearch" (rowid, "text")
    SELECT NEW."id" * 8 + 2, concat_ws(' ', NEW."company", NEW."addressLine1", NEW."addressLine2", NEW."postalCode", NEW."city", NEW."region")
    WHERE coalesce(NEW."company", NEW."addressLine1", NEW."addressLine2", NEW."postalCode", NEW."city", NEW."region") IS NOT NULL;
  INSERT INTO "CustomerNameWord" (rowid, "name") VALUES (NEW."id", NEW."name");
END;

DROP TRIGGER "CustomerEmail_search_au";
CREATE TRIGGER "CustomerEmail_search_au" AFTER UPDATE OF "email" ON "CustomerEmail"
WHEN OLD."email" IS NOT NEW."email"
  AND NOT EXISTS (SELECT 1 FROM "SearchIndexPause" WHERE "emailMark" < min(OLD."id", NEW."id")) BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid = OLD."id" * 8 + 3;
  INSERT INTO "CustomerSearch" (rowid, "text") VALUES (NEW."id" * 8 + 3, NEW."email");
END;

DROP TRIGGER "License_search_au";
CREATE TRIGGER "License_search_au" AFTER UPDATE OF "key", "keyNormalized", "customerId" ON "License"
WHEN (OLD."keyNormalized" IS NOT NEW."keyNormalized" OR OLD."customerId" IS NOT NEW."customerId")
  AND NOT EXISTS (SELECT 1 FROM "SearchIndexPause" WHERE "licenseMark" < min(OLD."id", NEW."id")) BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid = OLD."id" * 8 + 4;
  INSERT INTO "CustomerSearch" (rowid, "text")
    SELECT NEW."id" * 8 + 4, NEW."keyNormalized" WHERE NEW."customerId" IS NOT NULL;
END;

-- The order writer's update names customerId on every refund, chargeback or repeated notification.
DROP TRIGGER "Order_search_au";
CREATE TRIGGER "Order_search_au" AFTER UPDATE OF "resellerOrderId", "customerId" ON "Order"
WHEN (OLD."resellerOrderId" IS NOT NEW."resellerOrderId" OR OLD."customerId" IS NOT NEW."customerId")
  AND NOT EXISTS (SELECT 1 FROM "SearchIndexPause" WHERE "orderMark" < min(OLD."id", NEW."id")) BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid = OLD."id" * 8 + 5;
  INSERT INTO "CustomerSearch" (rowid, "text")
    SELECT NEW."id" * 8 + 5, NEW."resellerOrderId" WHERE NEW."customerId" IS NOT NULL;
END;

-- A new customer's search rows and the vocabulary version in one trigger (was two): each trigger
-- on an insert runs a program of its own.
DROP TRIGGER "Customer_search_ai";
DROP TRIGGER "Customer_vocabulary_ai";
CREATE TRIGGER "Customer_search_ai" AFTER INSERT ON "Customer"
WHEN NOT EXISTS (SELECT 1 FROM "SearchIndexPause" WHERE "customerMark" < NEW."id") BEGIN
  INSERT INTO "CustomerSearch" (rowid, "text") VALUES (NEW."id" * 8 + 1, NEW."name");
  INSERT INTO "CustomerSearch" (rowid, "text")
    SELECT NEW."id" * 8 + 2, concat_ws(' ', NEW."company", NEW."addressLine1", NEW."addressLine2", NEW."postalCode", NEW."city", NEW."region")
    WHERE coalesce(NEW."company", NEW."addressLine1", NEW."addressLine2", NEW."postalCode", NEW."city", NEW."region") IS NOT NULL;
  INSERT INTO "CustomerNameWord" (rowid, "name") VALUES (NEW."id", NEW."name");
  UPDATE "SearchVocabularyVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
