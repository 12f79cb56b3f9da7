-- Stored notifications name the customer they concern (erasure blanks them by reference) and
-- their size; orders keep every product line a reseller notified (PayPro sends one per product).
-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN "bodyBytes" INTEGER;
ALTER TABLE "WebhookEvent" ADD COLUMN "customerId" INTEGER;

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orderId" INTEGER NOT NULL,
    "lineKey" TEXT NOT NULL,
    "product" TEXT NOT NULL,
    "edition" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "OrderLine_orderId_lineKey_key" ON "OrderLine"("orderId", "lineKey");

-- CreateIndex
CREATE INDEX "WebhookEvent_customerId_idx" ON "WebhookEvent"("customerId");
