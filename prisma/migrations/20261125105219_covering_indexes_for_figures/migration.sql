-- DropIndex
DROP INDEX "Order_purchasedAt_idx";

-- CreateIndex
CREATE INDEX "License_issuedAt_orderId_idx" ON "License"("issuedAt", "orderId");

-- CreateIndex
CREATE INDEX "Order_purchasedAt_isTest_status_currency_amountMinor_refundedMinor_idx" ON "Order"("purchasedAt", "isTest", "status", "currency", "amountMinor", "refundedMinor");
