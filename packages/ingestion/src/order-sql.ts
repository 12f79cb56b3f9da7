// Raw SQL for order ingestion, values always bound. Timestamps are epoch milliseconds.
export const ORDER_SQL = {
  findCustomerIdByEmail: 'SELECT customerId FROM CustomerEmail WHERE email = ?',
  selectCustomer: `SELECT id, company, country, city, region, postalCode, addressLine1, phone, firstSeenAt, lastSeenAt
    FROM Customer WHERE id = ?`,
  insertCustomer: `INSERT INTO Customer (name, company, country, addressLine1, city, region, postalCode, phone,
    firstSeenAt, lastSeenAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  updateCustomer: `UPDATE Customer SET company = ?, country = ?, city = ?, region = ?, postalCode = ?, addressLine1 = ?,
    phone = ?, firstSeenAt = ?, lastSeenAt = ?, updatedAt = ? WHERE id = ?`,
  insertEmail:
    'INSERT OR IGNORE INTO CustomerEmail (customerId, email, isPrimary, createdAt) VALUES (?, ?, ?, ?)',
  insertEmailIfFree:
    'INSERT OR IGNORE INTO CustomerEmail (customerId, email, isPrimary, createdAt) VALUES (?, ?, 0, ?)',
  selectOrder: `SELECT id, customerId, product, edition, quantity, amountMinor, currency, status, refundedMinor, isTest,
    purchasedAt, refundedAt, chargedBackAt FROM "Order" WHERE reseller = ? AND resellerOrderId = ?`,
  insertOrderIfNew: `INSERT INTO "Order" (reseller, resellerOrderId, customerId, product, edition, quantity, amountMinor, currency,
    status, refundedMinor, isTest, purchasedAt, refundedAt, chargedBackAt, createdAt, updatedAt)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (reseller, resellerOrderId) DO NOTHING`,
  updateOrder: `UPDATE "Order" SET customerId = ?, product = ?, edition = ?, quantity = ?, amountMinor = ?, currency = ?,
    status = ?, refundedMinor = ?, isTest = ?, purchasedAt = ?, refundedAt = ?, chargedBackAt = ?, updatedAt = ? WHERE id = ?`,
  insertLicense: `INSERT OR IGNORE INTO License (key, keyNormalized, product, edition, seats, majorVersion, status, issuedAt,
    revokedAt, orderId, customerId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  upsertOrderLine: `INSERT INTO OrderLine (orderId, lineKey, product, edition, quantity, createdAt) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (orderId, lineKey) DO UPDATE SET product = excluded.product, edition = excluded.edition, quantity = excluded.quantity`,
  orderLinesSummary: `SELECT product, edition, (SELECT SUM(quantity) FROM OrderLine WHERE orderId = @orderId) AS quantity
    FROM OrderLine WHERE orderId = @orderId ORDER BY id LIMIT 1`,
  setOrderProductSummary: `UPDATE "Order" SET product = @product, edition = @edition, quantity = @quantity, updatedAt = @now
    WHERE id = @orderId AND (product IS NOT @product OR edition IS NOT @edition OR quantity IS NOT @quantity)`,
  hasLicenseForProduct: 'SELECT 1 FROM License WHERE orderId = ? AND product = ? LIMIT 1',
  licenseKeysOfOrder: 'SELECT key FROM License WHERE orderId = ? ORDER BY id',
  revokeLicenses: `UPDATE License SET status = 'revoked', revokedAt = ?, updatedAt = ? WHERE orderId = ? AND status = 'active'`,
  restoreLicenses: `UPDATE License SET status = 'active', revokedAt = NULL, updatedAt = ? WHERE orderId = ? AND status = 'revoked'`,
} as const;
