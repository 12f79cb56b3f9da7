-- EmailMessage.sentAt becomes nullable (a message with no date anywhere is stored as "date unknown"
-- instead of the import time) and parseProblems records what the parser could not read cleanly.
-- SQLite cannot drop NOT NULL in place, so the table is rebuilt with its ids kept (the external-content
-- FTS index stays valid). The runner applies this inside a transaction where foreign keys stay on, so
-- DROP TABLE would cascade-delete every attachment: they are set aside first and put back after.
CREATE TABLE "_EmailAttachment_keep" AS SELECT * FROM "EmailAttachment";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EmailMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "threadId" INTEGER NOT NULL,
    "messageId" TEXT NOT NULL,
    "gmailMessageId" TEXT,
    "inReplyTo" TEXT,
    "references" TEXT,
    "fromAddress" TEXT,
    "fromName" TEXT,
    "toAddresses" TEXT,
    "ccAddresses" TEXT,
    "subject" TEXT NOT NULL,
    "sentAt" DATETIME,
    "isInbound" BOOLEAN NOT NULL DEFAULT true,
    "textBody" TEXT,
    "htmlBody" TEXT,
    "snippet" TEXT,
    "parseProblems" TEXT,
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmailMessage_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "EmailThread" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_EmailMessage" ("ccAddresses", "createdAt", "fromAddress", "fromName", "gmailMessageId", "htmlBody", "id", "inReplyTo", "isInbound", "messageId", "references", "sentAt", "snippet", "source", "subject", "textBody", "threadId", "toAddresses") SELECT "ccAddresses", "createdAt", "fromAddress", "fromName", "gmailMessageId", "htmlBody", "id", "inReplyTo", "isInbound", "messageId", "references", "sentAt", "snippet", "source", "subject", "textBody", "threadId", "toAddresses" FROM "EmailMessage";
DROP TABLE "EmailMessage";
ALTER TABLE "new_EmailMessage" RENAME TO "EmailMessage";
CREATE UNIQUE INDEX "EmailMessage_messageId_key" ON "EmailMessage"("messageId");
CREATE INDEX "EmailMessage_threadId_sentAt_idx" ON "EmailMessage"("threadId", "sentAt");
CREATE INDEX "EmailMessage_sentAt_idx" ON "EmailMessage"("sentAt");
CREATE INDEX "EmailMessage_inReplyTo_idx" ON "EmailMessage"("inReplyTo");
INSERT INTO "EmailAttachment" SELECT * FROM "_EmailAttachment_keep";
DROP TABLE "_EmailAttachment_keep";

-- The FTS triggers went with the old table.
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

PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
