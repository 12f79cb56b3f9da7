-- Customer search: hand-written FTS5 indexes kept in step by triggers, so every writer
-- (webhooks, imports, demo data, erasure) updates them in its own transaction.
--
-- CustomerSearch: one trigram row per searchable value, contentless (the text lives in the
-- source tables) with contentless_delete so triggers can remove rows by rowid. The rowid encodes
-- where the value comes from: sourceId * 8 + kind, so no trigger ever rebuilds a whole customer.
--   kind 1 = Customer.name, 2 = company and postal details, 3 = CustomerEmail.email,
--   kind 4 = License key, normalized (queries are normalized the same way, so dashes need no index), 5 = Order.resellerOrderId.
-- CustomerNameWord: whole words of names (unicode61), whose vocabulary feeds typo tolerance.
CREATE VIRTUAL TABLE "CustomerSearch" USING fts5(
  "text",
  tokenize = 'trigram remove_diacritics 1',
  content = '',
  contentless_delete = 1
);
CREATE VIRTUAL TABLE "CustomerNameWord" USING fts5(
  "name",
  tokenize = 'unicode61 remove_diacritics 2',
  content = '',
  contentless_delete = 1
);
CREATE VIRTUAL TABLE "CustomerNameTerm" USING fts5vocab("CustomerNameWord", 'row');

-- Customer: name (kind 1) and company + postal details (kind 2).
CREATE TRIGGER "Customer_search_ai" AFTER INSERT ON "Customer" BEGIN
  INSERT INTO "CustomerSearch" (rowid, "text") VALUES (NEW."id" * 8 + 1, NEW."name");
  INSERT INTO "CustomerSearch" (rowid, "text")
    SELECT NEW."id" * 8 + 2, concat_ws(' ', NEW."company", NEW."addressLine1", NEW."addressLine2", NEW."postalCode", NEW."city", NEW."region")
    WHERE coalesce(NEW."company", NEW."addressLine1", NEW."addressLine2", NEW."postalCode", NEW."city", NEW."region") IS NOT NULL;
  INSERT INTO "CustomerNameWord" (rowid, "name") VALUES (NEW."id", NEW."name");
END;
CREATE TRIGGER "Customer_search_au" AFTER UPDATE OF "name", "company", "addressLine1", "addressLine2", "postalCode", "city", "region" ON "Customer" BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid IN (OLD."id" * 8 + 1, OLD."id" * 8 + 2);
  DELETE FROM "CustomerNameWord" WHERE rowid = OLD."id";
  INSERT INTO "CustomerSearch" (rowid, "text") VALUES (NEW."id" * 8 + 1, NEW."name");
  INSERT INTO "CustomerSearch" (rowid, "text")
    SELECT NEW."id" * 8 + 2, concat_ws(' ', NEW."company", NEW."addressLine1", NEW."addressLine2", NEW."postalCode", NEW."city", NEW."region")
    WHERE coalesce(NEW."company", NEW."addressLine1", NEW."addressLine2", NEW."postalCode", NEW."city", NEW."region") IS NOT NULL;
  INSERT INTO "CustomerNameWord" (rowid, "name") VALUES (NEW."id", NEW."name");
END;
CREATE TRIGGER "Customer_search_ad" AFTER DELETE ON "Customer" BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid IN (OLD."id" * 8 + 1, OLD."id" * 8 + 2);
  DELETE FROM "CustomerNameWord" WHERE rowid = OLD."id";
END;

-- CustomerEmail (kind 3).
CREATE TRIGGER "CustomerEmail_search_ai" AFTER INSERT ON "CustomerEmail" BEGIN
  INSERT INTO "CustomerSearch" (rowid, "text") VALUES (NEW."id" * 8 + 3, NEW."email");
END;
CREATE TRIGGER "CustomerEmail_search_au" AFTER UPDATE OF "email" ON "CustomerEmail" BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid = OLD."id" * 8 + 3;
  INSERT INTO "CustomerSearch" (rowid, "text") VALUES (NEW."id" * 8 + 3, NEW."email");
END;
CREATE TRIGGER "CustomerEmail_search_ad" AFTER DELETE ON "CustomerEmail" BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid = OLD."id" * 8 + 3;
END;

-- License (kind 4): only while it belongs to a customer (erasure sets customerId to NULL).
CREATE TRIGGER "License_search_ai" AFTER INSERT ON "License" WHEN NEW."customerId" IS NOT NULL BEGIN
  INSERT INTO "CustomerSearch" (rowid, "text") VALUES (NEW."id" * 8 + 4, NEW."keyNormalized");
END;
CREATE TRIGGER "License_search_au" AFTER UPDATE OF "key", "keyNormalized", "customerId" ON "License" BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid = OLD."id" * 8 + 4;
  INSERT INTO "CustomerSearch" (rowid, "text")
    SELECT NEW."id" * 8 + 4, NEW."keyNormalized" WHERE NEW."customerId" IS NOT NULL;
END;
CREATE TRIGGER "License_search_ad" AFTER DELETE ON "License" BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid = OLD."id" * 8 + 4;
END;

-- Order (kind 5): the reseller's order id, only while it belongs to a customer.
CREATE TRIGGER "Order_search_ai" AFTER INSERT ON "Order" WHEN NEW."customerId" IS NOT NULL BEGIN
  INSERT INTO "CustomerSearch" (rowid, "text") VALUES (NEW."id" * 8 + 5, NEW."resellerOrderId");
END;
CREATE TRIGGER "Order_search_au" AFTER UPDATE OF "resellerOrderId", "customerId" ON "Order" BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid = OLD."id" * 8 + 5;
  INSERT INTO "CustomerSearch" (rowid, "text")
    SELECT NEW."id" * 8 + 5, NEW."resellerOrderId" WHERE NEW."customerId" IS NOT NULL;
END;
CREATE TRIGGER "Order_search_ad" AFTER DELETE ON "Order" BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid = OLD."id" * 8 + 5;
END;

-- Index what is already there (an existing database being migrated).
INSERT INTO "CustomerSearch" (rowid, "text") SELECT "id" * 8 + 1, "name" FROM "Customer";
INSERT INTO "CustomerSearch" (rowid, "text")
  SELECT "id" * 8 + 2, concat_ws(' ', "company", "addressLine1", "addressLine2", "postalCode", "city", "region")
  FROM "Customer" WHERE coalesce("company", "addressLine1", "addressLine2", "postalCode", "city", "region") IS NOT NULL;
INSERT INTO "CustomerNameWord" (rowid, "name") SELECT "id", "name" FROM "Customer";
INSERT INTO "CustomerSearch" (rowid, "text") SELECT "id" * 8 + 3, "email" FROM "CustomerEmail";
INSERT INTO "CustomerSearch" (rowid, "text")
  SELECT "id" * 8 + 4, "keyNormalized" FROM "License" WHERE "customerId" IS NOT NULL;
INSERT INTO "CustomerSearch" (rowid, "text")
  SELECT "id" * 8 + 5, "resellerOrderId" FROM "Order" WHERE "customerId" IS NOT NULL;
