// The order writer's statements (webhooks and the CSV importer share them): customers found or
// created by email, orders keyed by (reseller, resellerOrderId), their lines and licenses. Values
// are always bound; timestamps are epoch milliseconds.
import { type LicenseValues, sql } from '@keydesk/db';
import type { CustomerDetails, OrderStatus } from '../order-event.ts';

export type CustomerRow = CustomerDetails & { id: number; firstSeenAt: number; lastSeenAt: number };

export type OrderRow = {
  id: number;
  customerId: number | null;
  product: string;
  edition: string;
  quantity: number;
  amountMinor: number;
  currency: string;
  status: OrderStatus;
  refundedMinor: number;
  isTest: number;
  purchasedAt: number;
  refundedAt: number | null;
  chargedBackAt: number | null;
};

type Times = { nowMs: number };
type OrderValues = Omit<OrderRow, 'id'>;

export const customerIdByEmail = sql<{ customerId: number }, { email: string }>(
  'SELECT customerId FROM CustomerEmail WHERE email = @email',
);

export const customerById = sql<CustomerRow, { id: number }>(
  `SELECT id, company, country, city, region, postalCode, addressLine1, phone, firstSeenAt, lastSeenAt
   FROM Customer WHERE id = @id`,
);

export const insertCustomer = sql<never, Omit<CustomerRow, 'id'> & Times & { name: string }>(
  `INSERT INTO Customer (name, company, country, addressLine1, city, region, postalCode, phone,
     firstSeenAt, lastSeenAt, createdAt, updatedAt)
   VALUES (@name, @company, @country, @addressLine1, @city, @region, @postalCode, @phone,
     @firstSeenAt, @lastSeenAt, @nowMs, @nowMs)`,
);

export const updateCustomer = sql<never, CustomerRow & Times>(
  `UPDATE Customer SET company = @company, country = @country, city = @city, region = @region,
     postalCode = @postalCode, addressLine1 = @addressLine1, phone = @phone, firstSeenAt = @firstSeenAt,
     lastSeenAt = @lastSeenAt, updatedAt = @nowMs
   WHERE id = @id`,
);

/** An address already someone's stays theirs (INSERT OR IGNORE). */
export const insertCustomerEmail = sql<
  never,
  Times & { customerId: number; email: string; isPrimary: number }
>(
  `INSERT OR IGNORE INTO CustomerEmail (customerId, email, isPrimary, createdAt)
   VALUES (@customerId, @email, @isPrimary, @nowMs)`,
);

export const orderByResellerId = sql<OrderRow, { reseller: string; resellerOrderId: string }>(
  `SELECT id, customerId, product, edition, quantity, amountMinor, currency, status, refundedMinor, isTest,
     purchasedAt, refundedAt, chargedBackAt
   FROM "Order" WHERE reseller = @reseller AND resellerOrderId = @resellerOrderId`,
);

/** Most orders are new: one insert that yields to an existing row, not a lookup before it. */
export const insertOrderIfNew = sql<
  never,
  OrderValues & Times & { reseller: string; resellerOrderId: string }
>(
  `INSERT INTO "Order" (reseller, resellerOrderId, customerId, product, edition, quantity, amountMinor, currency,
     status, refundedMinor, isTest, purchasedAt, refundedAt, chargedBackAt, createdAt, updatedAt)
   VALUES (@reseller, @resellerOrderId, @customerId, @product, @edition, @quantity, @amountMinor, @currency,
     @status, @refundedMinor, @isTest, @purchasedAt, @refundedAt, @chargedBackAt, @nowMs, @nowMs)
   ON CONFLICT (reseller, resellerOrderId) DO NOTHING`,
);

export const updateOrder = sql<never, OrderRow & Times>(
  `UPDATE "Order" SET customerId = @customerId, product = @product, edition = @edition, quantity = @quantity,
     amountMinor = @amountMinor, currency = @currency, status = @status, refundedMinor = @refundedMinor,
     isTest = @isTest, purchasedAt = @purchasedAt, refundedAt = @refundedAt, chargedBackAt = @chargedBackAt,
     updatedAt = @nowMs
   WHERE id = @id`,
);

/** A key already issued is kept as it is (INSERT OR IGNORE). */
export const insertLicense = sql<never, Times & LicenseValues>(
  `INSERT OR IGNORE INTO License (key, keyNormalized, product, edition, seats, majorVersion, status, issuedAt,
     revokedAt, orderId, customerId, createdAt, updatedAt)
   VALUES (@key, @keyNormalized, @product, @edition, @seats, @majorVersion, @status, @issuedAt,
     @revokedAt, @orderId, @customerId, @nowMs, @nowMs)`,
);

export const upsertOrderLine = sql<
  never,
  Times & { orderId: number; lineKey: string; product: string; edition: string; quantity: number }
>(
  `INSERT INTO OrderLine (orderId, lineKey, product, edition, quantity, createdAt)
   VALUES (@orderId, @lineKey, @product, @edition, @quantity, @nowMs)
   ON CONFLICT (orderId, lineKey) DO UPDATE SET product = excluded.product, edition = excluded.edition,
     quantity = excluded.quantity`,
);

export type OrderLinesSummary = { product: string; edition: string; quantity: number };

export const orderLinesSummary = sql<OrderLinesSummary, { orderId: number }>(
  `SELECT product, edition, (SELECT SUM(quantity) FROM OrderLine WHERE orderId = @orderId) AS quantity
   FROM OrderLine WHERE orderId = @orderId ORDER BY id LIMIT 1`,
);

export const setOrderProductSummary = sql<never, OrderLinesSummary & Times & { orderId: number }>(
  `UPDATE "Order" SET product = @product, edition = @edition, quantity = @quantity, updatedAt = @nowMs
   WHERE id = @orderId AND (product IS NOT @product OR edition IS NOT @edition OR quantity IS NOT @quantity)`,
);

export const licenseForProduct = sql<{ found: number }, { orderId: number; product: string }>(
  'SELECT 1 AS found FROM License WHERE orderId = @orderId AND product = @product LIMIT 1',
);

export const licenseKeysOfOrder = sql<{ key: string }, { orderId: number }>(
  'SELECT key FROM License WHERE orderId = @orderId ORDER BY id',
);

export const revokeLicensesOfOrder = sql<never, Times & { orderId: number }>(
  `UPDATE License SET status = 'revoked', revokedAt = @nowMs, updatedAt = @nowMs
   WHERE orderId = @orderId AND status = 'active'`,
);

export const restoreLicensesOfOrder = sql<never, Times & { orderId: number }>(
  `UPDATE License SET status = 'active', revokedAt = NULL, updatedAt = @nowMs
   WHERE orderId = @orderId AND status = 'revoked'`,
);

/** Rows a large CSV import is weighed against (csv-bulk-load.ts), per table it may bulk-load. */
export const ROW_COUNTS = {
  Order: sql<{ n: number }>('SELECT count(*) AS n FROM "Order"'),
};
export type BulkSizeTable = keyof typeof ROW_COUNTS;
