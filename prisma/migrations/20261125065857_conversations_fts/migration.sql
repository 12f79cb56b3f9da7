-- AlterTable
ALTER TABLE "EmailThread" ADD COLUMN "subjectKey" TEXT;

-- CreateIndex
CREATE INDEX "EmailThread_subjectKey_lastMessageAt_idx" ON "EmailThread"("subjectKey", "lastMessageAt");

-- Full-text search over every message text (hand-written; listed in EXTERNAL_TABLES).
-- External-content FTS5 tables: the text lives once, in the message tables; the triggers keep the
-- index in step in the same transaction as every write, and deletions (erasure, cascades) remove
-- the index entries too.
CREATE VIRTUAL TABLE "EmailMessageFts" USING fts5(
  subject, textBody,
  content='EmailMessage', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2'
);

CREATE TRIGGER "EmailMessage_fts_ai" AFTER INSERT ON "EmailMessage" BEGIN
  INSERT INTO "EmailMessageFts"(rowid, subject, textBody) VALUES (new.id, new.subject, new.textBody);
END;

CREATE TRIGGER "EmailMessage_fts_ad" AFTER DELETE ON "EmailMessage" BEGIN
  INSERT INTO "EmailMessageFts"("EmailMessageFts", rowid, subject, textBody)
  VALUES ('delete', old.id, old.subject, old.textBody);
END;

CREATE TRIGGER "EmailMessage_fts_au" AFTER UPDATE OF subject, textBody ON "EmailMessage" BEGIN
  INSERT INTO "EmailMessageFts"("EmailMessageFts", rowid, subject, textBody)
  VALUES ('delete', old.id, old.subject, old.textBody);
  INSERT INTO "EmailMessageFts"(rowid, subject, textBody) VALUES (new.id, new.subject, new.textBody);
END;

CREATE VIRTUAL TABLE "ChatMessageFts" USING fts5(
  text,
  content='ChatMessage', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2'
);

CREATE TRIGGER "ChatMessage_fts_ai" AFTER INSERT ON "ChatMessage" BEGIN
  INSERT INTO "ChatMessageFts"(rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER "ChatMessage_fts_ad" AFTER DELETE ON "ChatMessage" BEGIN
  INSERT INTO "ChatMessageFts"("ChatMessageFts", rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER "ChatMessage_fts_au" AFTER UPDATE OF text ON "ChatMessage" BEGIN
  INSERT INTO "ChatMessageFts"("ChatMessageFts", rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO "ChatMessageFts"(rowid, text) VALUES (new.id, new.text);
END;
