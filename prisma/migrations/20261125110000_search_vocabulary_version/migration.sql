-- Typo tolerance compares each query word with the known name words. Reading them through the
-- fts5vocab table walks every posting of every word in the range (milliseconds per letter at a
-- million customers, on every typo search), so packages/search keeps the words in memory and
-- reads them again only after this version moves. Any new, renamed or deleted customer moves it;
-- a deferred bulk write (withDeferredSearchIndex) moves it once when it indexes its new rows.
CREATE TABLE "SearchVocabularyVersion" (
  "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
  "version" INTEGER NOT NULL
);
INSERT INTO "SearchVocabularyVersion" ("id", "version") VALUES (1, 0);

CREATE TRIGGER "Customer_vocabulary_ai" AFTER INSERT ON "Customer"
WHEN NOT EXISTS (SELECT 1 FROM "SearchIndexPause") BEGIN
  UPDATE "SearchVocabularyVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "Customer_vocabulary_au" AFTER UPDATE OF "name" ON "Customer"
WHEN OLD."name" IS NOT NEW."name" BEGIN
  UPDATE "SearchVocabularyVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "Customer_vocabulary_ad" AFTER DELETE ON "Customer" BEGIN
  UPDATE "SearchVocabularyVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
