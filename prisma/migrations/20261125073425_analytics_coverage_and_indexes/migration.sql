-- CreateTable
CREATE TABLE "WebLogCoverage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "fromMs" INTEGER NOT NULL,
    "toMs" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "WebLogCoverage_source_day_idx" ON "WebLogCoverage"("source", "day");

-- CreateIndex
CREATE INDEX "ChatTranscript_startedAt_idx" ON "ChatTranscript"("startedAt");

-- CreateIndex
CREATE INDEX "EmailMessage_sentAt_idx" ON "EmailMessage"("sentAt");

-- CreateIndex
CREATE INDEX "Order_refundedAt_idx" ON "Order"("refundedAt");

-- CreateIndex
CREATE INDEX "UpdateCheckDaily_day_checks_idx" ON "UpdateCheckDaily"("day", "checks");

-- CreateIndex
CREATE INDEX "UpdateCheckDaily_day_language_checks_idx" ON "UpdateCheckDaily"("day", "language", "checks");

-- CreateIndex
CREATE INDEX "UpdateCheckDaily_day_appVersion_checks_idx" ON "UpdateCheckDaily"("day", "appVersion", "checks");

-- CreateIndex
CREATE INDEX "UpdateCheckDaily_day_os_osVersion_checks_idx" ON "UpdateCheckDaily"("day", "os", "osVersion", "checks");
