-- CreateTable
CREATE TABLE "Owner" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "totpSecretEnc" TEXT,
    "totpEnabledAt" DATETIME,
    "recoveryCodeHashes" TEXT,
    "passwordChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "isSuccess" BOOLEAN NOT NULL,
    "reason" TEXT
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "isSecret" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "customerId" INTEGER,
    "targetType" TEXT,
    "targetId" TEXT,
    "ip" TEXT,
    "details" TEXT
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "company" TEXT,
    "country" TEXT,
    "addressLine1" TEXT,
    "addressLine2" TEXT,
    "city" TEXT,
    "region" TEXT,
    "postalCode" TEXT,
    "phone" TEXT,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CustomerEmail" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "customerId" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CustomerEmail_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CustomerNote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "customerId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CustomerNote_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Order" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reseller" TEXT NOT NULL,
    "resellerOrderId" TEXT NOT NULL,
    "customerId" INTEGER,
    "product" TEXT NOT NULL,
    "edition" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "amountMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "refundedMinor" INTEGER NOT NULL DEFAULT 0,
    "isTest" BOOLEAN NOT NULL DEFAULT false,
    "purchasedAt" DATETIME NOT NULL,
    "refundedAt" DATETIME,
    "chargedBackAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "License" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "keyNormalized" TEXT NOT NULL,
    "product" TEXT NOT NULL,
    "edition" TEXT NOT NULL,
    "seats" INTEGER NOT NULL DEFAULT 1,
    "majorVersion" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "orderId" INTEGER,
    "customerId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "License_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "License_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LicenseResend" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "licenseId" INTEGER NOT NULL,
    "customerId" INTEGER,
    "toAddress" TEXT NOT NULL,
    "isAlternateAddress" BOOLEAN NOT NULL DEFAULT false,
    "outboxId" INTEGER NOT NULL,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LicenseResend_licenseId_fkey" FOREIGN KEY ("licenseId") REFERENCES "License" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LicenseResend_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LicenseResend_outboxId_fkey" FOREIGN KEY ("outboxId") REFERENCES "OutboxEmail" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NewsletterSubscription" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "customerId" INTEGER,
    "status" TEXT NOT NULL,
    "subscribedAt" DATETIME,
    "unsubscribedAt" DATETIME,
    "source" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "NewsletterSubscription_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmailTemplate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "product" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "fromAddress" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "serverResponse" TEXT,
    "customerId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "remoteIp" TEXT,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "result" TEXT,
    "orderId" INTEGER
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "bytesDone" INTEGER NOT NULL DEFAULT 0,
    "bytesTotal" INTEGER,
    "itemsDone" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "errors" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "job" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "status" TEXT NOT NULL,
    "summary" TEXT
);

-- CreateTable
CREATE TABLE "MailboxSyncState" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "account" TEXT NOT NULL,
    "folder" TEXT NOT NULL,
    "uidValidity" TEXT NOT NULL,
    "lastUid" INTEGER NOT NULL DEFAULT 0,
    "lastSyncAt" DATETIME,
    "lastError" TEXT
);

-- CreateTable
CREATE TABLE "ChatTranscript" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "customerId" INTEGER,
    "visitorName" TEXT,
    "visitorEmail" TEXT,
    "visitorCountry" TEXT,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "lastMessageAt" DATETIME NOT NULL,
    "messageCount" INTEGER NOT NULL DEFAULT 0,
    "isAwaitingReply" BOOLEAN NOT NULL DEFAULT false,
    "snippet" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChatTranscript_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChatMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "transcriptId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "senderType" TEXT NOT NULL,
    "senderName" TEXT,
    "sentAt" DATETIME NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "ChatMessage_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "ChatTranscript" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmailThread" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "threadKey" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "customerId" INTEGER,
    "firstMessageAt" DATETIME NOT NULL,
    "lastMessageAt" DATETIME NOT NULL,
    "messageCount" INTEGER NOT NULL DEFAULT 0,
    "hasAttachments" BOOLEAN NOT NULL DEFAULT false,
    "isAwaitingReply" BOOLEAN NOT NULL DEFAULT false,
    "snippet" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmailThread_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmailThreadParticipant" (
    "threadId" INTEGER NOT NULL,
    "address" TEXT NOT NULL,

    PRIMARY KEY ("threadId", "address"),
    CONSTRAINT "EmailThreadParticipant_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "EmailThread" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmailMessage" (
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
    "sentAt" DATETIME NOT NULL,
    "isInbound" BOOLEAN NOT NULL DEFAULT true,
    "textBody" TEXT,
    "htmlBody" TEXT,
    "snippet" TEXT,
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmailMessage_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "EmailThread" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmailAttachment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "messageId" INTEGER NOT NULL,
    "filename" TEXT,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "contentId" TEXT,
    "isInline" BOOLEAN NOT NULL DEFAULT false,
    "checksum" TEXT,
    "content" BLOB,
    CONSTRAINT "EmailAttachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "EmailMessage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebDailyCountry" (
    "day" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "pageViews" INTEGER NOT NULL DEFAULT 0,
    "visitors" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("day", "country")
);

-- CreateTable
CREATE TABLE "WebDailyBrowser" (
    "day" TEXT NOT NULL,
    "browser" TEXT NOT NULL,
    "browserVersion" TEXT NOT NULL,
    "os" TEXT NOT NULL,
    "pageViews" INTEGER NOT NULL DEFAULT 0,
    "visitors" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("day", "browser", "browserVersion", "os")
);

-- CreateTable
CREATE TABLE "WebDailyReferrer" (
    "day" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "pageViews" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("day", "domain")
);

-- CreateTable
CREATE TABLE "WebDailyBot" (
    "day" TEXT NOT NULL,
    "bot" TEXT NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("day", "bot")
);

-- CreateTable
CREATE TABLE "DownloadDaily" (
    "day" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "downloads" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("day", "file")
);

-- CreateTable
CREATE TABLE "UpdateCheckDaily" (
    "day" TEXT NOT NULL,
    "product" TEXT NOT NULL,
    "os" TEXT NOT NULL,
    "osVersion" TEXT NOT NULL,
    "appVersion" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "isLicensed" BOOLEAN NOT NULL,
    "checks" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("day", "product", "os", "osVersion", "appVersion", "language", "isLicensed")
);

-- CreateTable
CREATE TABLE "UpdateCheckRaw" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT NOT NULL,
    "product" TEXT NOT NULL,
    "appVersion" TEXT NOT NULL,
    "os" TEXT NOT NULL,
    "osVersion" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "licenseKey" TEXT
);

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_at_idx" ON "LoginAttempt"("ip", "at");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_at_idx" ON "LoginAttempt"("email", "at");

-- CreateIndex
CREATE INDEX "LoginAttempt_at_idx" ON "LoginAttempt"("at");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- CreateIndex
CREATE INDEX "AuditLog_customerId_at_idx" ON "AuditLog"("customerId", "at");

-- CreateIndex
CREATE INDEX "Customer_lastSeenAt_idx" ON "Customer"("lastSeenAt");

-- CreateIndex
CREATE INDEX "Customer_name_idx" ON "Customer"("name");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerEmail_email_key" ON "CustomerEmail"("email");

-- CreateIndex
CREATE INDEX "CustomerEmail_customerId_idx" ON "CustomerEmail"("customerId");

-- CreateIndex
CREATE INDEX "CustomerNote_customerId_createdAt_idx" ON "CustomerNote"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_customerId_purchasedAt_idx" ON "Order"("customerId", "purchasedAt");

-- CreateIndex
CREATE INDEX "Order_purchasedAt_idx" ON "Order"("purchasedAt");

-- CreateIndex
CREATE INDEX "Order_resellerOrderId_idx" ON "Order"("resellerOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_reseller_resellerOrderId_key" ON "Order"("reseller", "resellerOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "License_key_key" ON "License"("key");

-- CreateIndex
CREATE UNIQUE INDEX "License_keyNormalized_key" ON "License"("keyNormalized");

-- CreateIndex
CREATE INDEX "License_customerId_issuedAt_idx" ON "License"("customerId", "issuedAt");

-- CreateIndex
CREATE INDEX "License_orderId_idx" ON "License"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "LicenseResend_outboxId_key" ON "LicenseResend"("outboxId");

-- CreateIndex
CREATE INDEX "LicenseResend_customerId_requestedAt_idx" ON "LicenseResend"("customerId", "requestedAt");

-- CreateIndex
CREATE INDEX "LicenseResend_licenseId_idx" ON "LicenseResend"("licenseId");

-- CreateIndex
CREATE UNIQUE INDEX "NewsletterSubscription_email_key" ON "NewsletterSubscription"("email");

-- CreateIndex
CREATE INDEX "NewsletterSubscription_customerId_idx" ON "NewsletterSubscription"("customerId");

-- CreateIndex
CREATE INDEX "NewsletterSubscription_status_subscribedAt_idx" ON "NewsletterSubscription"("status", "subscribedAt");

-- CreateIndex
CREATE UNIQUE INDEX "EmailTemplate_product_key" ON "EmailTemplate"("product");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_idempotencyKey_key" ON "OutboxEmail"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_messageId_key" ON "OutboxEmail"("messageId");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_nextAttemptAt_idx" ON "OutboxEmail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_customerId_idx" ON "OutboxEmail"("customerId");

-- CreateIndex
CREATE INDEX "WebhookEvent_receivedAt_idx" ON "WebhookEvent"("receivedAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_status_receivedAt_idx" ON "WebhookEvent"("status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_source_idempotencyKey_key" ON "WebhookEvent"("source", "idempotencyKey");

-- CreateIndex
CREATE INDEX "ImportRun_startedAt_idx" ON "ImportRun"("startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ImportRun_kind_fingerprint_key" ON "ImportRun"("kind", "fingerprint");

-- CreateIndex
CREATE INDEX "JobRun_job_startedAt_idx" ON "JobRun"("job", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MailboxSyncState_account_folder_key" ON "MailboxSyncState"("account", "folder");

-- CreateIndex
CREATE UNIQUE INDEX "ChatTranscript_externalId_key" ON "ChatTranscript"("externalId");

-- CreateIndex
CREATE INDEX "ChatTranscript_customerId_lastMessageAt_idx" ON "ChatTranscript"("customerId", "lastMessageAt");

-- CreateIndex
CREATE INDEX "ChatTranscript_lastMessageAt_idx" ON "ChatTranscript"("lastMessageAt");

-- CreateIndex
CREATE INDEX "ChatTranscript_visitorEmail_idx" ON "ChatTranscript"("visitorEmail");

-- CreateIndex
CREATE INDEX "ChatTranscript_isAwaitingReply_idx" ON "ChatTranscript"("isAwaitingReply");

-- CreateIndex
CREATE UNIQUE INDEX "ChatMessage_transcriptId_seq_key" ON "ChatMessage"("transcriptId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "EmailThread_threadKey_key" ON "EmailThread"("threadKey");

-- CreateIndex
CREATE INDEX "EmailThread_customerId_lastMessageAt_idx" ON "EmailThread"("customerId", "lastMessageAt");

-- CreateIndex
CREATE INDEX "EmailThread_lastMessageAt_idx" ON "EmailThread"("lastMessageAt");

-- CreateIndex
CREATE INDEX "EmailThread_isAwaitingReply_idx" ON "EmailThread"("isAwaitingReply");

-- CreateIndex
CREATE INDEX "EmailThreadParticipant_address_idx" ON "EmailThreadParticipant"("address");

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_messageId_key" ON "EmailMessage"("messageId");

-- CreateIndex
CREATE INDEX "EmailMessage_threadId_sentAt_idx" ON "EmailMessage"("threadId", "sentAt");

-- CreateIndex
CREATE INDEX "EmailMessage_inReplyTo_idx" ON "EmailMessage"("inReplyTo");

-- CreateIndex
CREATE INDEX "EmailAttachment_messageId_idx" ON "EmailAttachment"("messageId");

-- CreateIndex
CREATE INDEX "UpdateCheckDaily_day_idx" ON "UpdateCheckDaily"("day");

-- CreateIndex
CREATE INDEX "UpdateCheckRaw_receivedAt_idx" ON "UpdateCheckRaw"("receivedAt");

-- CreateIndex
CREATE INDEX "UpdateCheckRaw_licenseKey_receivedAt_idx" ON "UpdateCheckRaw"("licenseKey", "receivedAt");
