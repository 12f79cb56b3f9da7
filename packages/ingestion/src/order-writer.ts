// Writes order events with raw statements (sql/orders.ts; webhooks and the CSV importer share it; Prisma per
// row is too slow for millions of rows). Callers run apply() inside db.sqlite.transaction().
import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import type { Db } from '@keydesk/db';
import { generateLicenseKey, normalizeLicenseKey } from '@keydesk/license-key';

type RandomSource = (n: number) => Uint8Array;

import {
  isPaidStatus,
  isRevokingStatus,
  mergeOrderStatus,
  type OrderCustomer,
  type OrderEvent,
  type OrderStatus,
} from './order-event.ts';
import { writeOrderLines } from './order-lines.ts';
import {
  customerById,
  customerIdByEmail,
  insertCustomer,
  insertCustomerEmail,
  insertLicense,
  insertOrderIfNew,
  licenseForProduct,
  licenseKeysOfOrder,
  type OrderRow,
  orderByResellerId,
  restoreLicensesOfOrder,
  revokeLicensesOfOrder,
  updateCustomer,
  updateOrder,
} from './sql/orders.ts';

export type OrderWriteOutcome = 'created' | 'updated' | 'unchanged';

export type OrderWriteResult = {
  outcome: OrderWriteOutcome;
  orderId: number;
  customerId: number | null;
  status: OrderStatus;
};

const FILLABLE = ['company', 'country', 'city', 'region', 'postalCode', 'addressLine1', 'phone'] as const;

export type OrderWriter = {
  apply(event: OrderEvent): OrderWriteResult;
  licenseKeysOf(orderId: number): string[];
};

export function createOrderWriter(options: {
  db: Db;
  now: () => Date;
  randomBytes?: RandomSource;
}): OrderWriter {
  const { db } = options;
  // Keys are drawn from a pooled crypto buffer: one syscall per thousand keys, not per key.
  let pool = Buffer.alloc(0);
  let poolAt = 0;
  const random: RandomSource =
    options.randomBytes ??
    ((n) => {
      if (poolAt + n > pool.length) {
        pool = cryptoRandomBytes(Math.max(n, 23 * 1024));
        poolAt = 0;
      }
      poolAt += n;
      return pool.subarray(poolAt - n, poolAt);
    });

  function upsertCustomer(customer: OrderCustomer, seenAt: number, nowMs: number): number | null {
    if (customer.emails.length === 0) return null;
    let customerId: number | null = null;
    let foundBy = -1;
    for (const [i, email] of customer.emails.entries()) {
      const found = customerIdByEmail.get(db, { email });
      if (found) {
        customerId = found.customerId;
        foundBy = i;
        break;
      }
    }
    if (customerId === null) {
      const name = customer.name?.trim() || (customer.emails[0]?.split('@')[0] ?? '');
      const created = insertCustomer.run(db, {
        name,
        company: customer.company,
        country: customer.country,
        addressLine1: customer.addressLine1,
        city: customer.city,
        region: customer.region,
        postalCode: customer.postalCode,
        phone: customer.phone,
        firstSeenAt: seenAt,
        lastSeenAt: seenAt,
        nowMs,
      });
      const newId = created.lastInsertRowid;
      customer.emails.forEach((email, i) => {
        insertCustomerEmail.run(db, { customerId: newId, email, isPrimary: i === 0 ? 1 : 0, nowMs });
      });
      return newId;
    }
    const row = customerById.get(db, { id: customerId });
    // The address it was found by points at it, in the same transaction.
    if (!row) throw new Error(`Customer ${customerId} of a known email is missing`);
    // Fill gaps only: the owner's own edits and earlier data are never overwritten by a reseller.
    const next = { ...row };
    for (const field of FILLABLE) if (next[field] === null && customer[field]) next[field] = customer[field];
    next.firstSeenAt = Math.min(row.firstSeenAt, seenAt);
    next.lastSeenAt = Math.max(row.lastSeenAt, seenAt);
    const changed =
      FILLABLE.some((f) => next[f] !== row[f]) ||
      next.firstSeenAt !== row.firstSeenAt ||
      next.lastSeenAt !== row.lastSeenAt;
    if (changed) {
      updateCustomer.run(db, { ...next, nowMs });
    }
    // The address the customer was found by is theirs already; before it, none was known.
    for (const email of customer.emails.slice(foundBy + 1))
      insertCustomerEmail.run(db, { customerId, email, isPrimary: 0, nowMs });
    return customerId;
  }

  function writeLicenses(
    orderId: number,
    customerId: number | null,
    event: OrderEvent,
    status: OrderStatus,
    nowMs: number,
    isNewOrder: boolean,
  ): boolean {
    let wrote = false;
    const revoked = isRevokingStatus(status);
    const issuedAt = event.purchasedAt.getTime();
    const insert = (key: string, product: string, edition: string, seats: number) => {
      const result = insertLicense.run(db, {
        key,
        keyNormalized: normalizeLicenseKey(key),
        product,
        edition,
        seats,
        majorVersion: majorVersionOf(product, edition),
        status: revoked ? 'revoked' : 'active',
        issuedAt,
        revokedAt: revoked ? nowMs : null,
        orderId,
        customerId,
        nowMs,
      });
      if (result.changes > 0) wrote = true;
    };
    for (const item of event.items) {
      const seats = item.licenseKeys.length >= item.quantity ? 1 : Math.max(1, item.quantity);
      for (const key of item.licenseKeys) insert(key, item.product, item.edition, seats);
    }
    if (!isPaidStatus(status)) return wrote;
    // PayPro sends one notification per product of an order: each product gets its own key.
    for (const item of event.items) {
      const hasLicense = isNewOrder
        ? item.licenseKeys.length > 0
        : licenseForProduct.get(db, { orderId, product: item.product }) !== undefined;
      if (!hasLicense)
        insert(generateLicenseKey(random), item.product, item.edition, Math.max(1, item.quantity));
    }
    return wrote;
  }

  /** Most orders are new: one insert that yields to an existing row, not a lookup before it. */
  function insertIfNew(
    event: OrderEvent,
    customerId: number | null,
    quantity: number,
    nowMs: number,
  ): OrderWriteResult | null {
    const occurredAt = event.occurredAt.getTime();
    const first = event.items[0];
    const status = mergeOrderStatus(null, event.kind);
    const fullRefund = status === 'refunded' ? event.amountMinor : 0;
    const inserted = insertOrderIfNew.run(db, {
      reseller: event.reseller,
      resellerOrderId: event.resellerOrderId,
      customerId,
      product: first?.product ?? '',
      edition: first?.edition ?? '',
      quantity,
      amountMinor: event.amountMinor,
      currency: event.currency,
      status,
      refundedMinor: Math.max(event.refundedMinor, fullRefund),
      isTest: event.isTest ? 1 : 0,
      purchasedAt: event.purchasedAt.getTime(),
      refundedAt: status === 'refunded' || status === 'partially_refunded' ? occurredAt : null,
      chargedBackAt: status === 'charged_back' ? occurredAt : null,
      nowMs,
    });
    if (inserted.changes === 0) return null;
    const orderId = inserted.lastInsertRowid;
    writeOrderLines(db, orderId, event, nowMs);
    writeLicenses(orderId, customerId, event, status, nowMs, true);
    return { outcome: 'created', orderId, customerId, status };
  }

  function apply(event: OrderEvent): OrderWriteResult {
    const nowMs = options.now().getTime();
    const occurredAt = event.occurredAt.getTime();
    const customerId = upsertCustomer(event.customer, event.purchasedAt.getTime(), nowMs);
    const first = event.items[0];
    const quantity = event.items.reduce((sum, item) => sum + item.quantity, 0) || 1;
    const created = insertIfNew(event, customerId, quantity, nowMs);
    if (created) return created;
    const { reseller, resellerOrderId } = event;
    const existing = orderByResellerId.get(db, { reseller, resellerOrderId });
    // The insert above yielded to this row, in the same transaction.
    if (!existing) throw new Error(`Order ${event.reseller} ${event.resellerOrderId} is missing`);
    const status = mergeOrderStatus(existing.status, event.kind);
    // Details come from a charge, or fill an order first seen through a refund or chargeback.
    const takeDetails = event.kind === 'charged' || existing.product === '';
    const next: OrderRow = {
      ...existing,
      customerId: existing.customerId ?? customerId,
      status,
      refundedMinor: Math.max(
        existing.refundedMinor,
        event.refundedMinor,
        status === 'refunded' ? existing.amountMinor : 0,
      ),
      refundedAt:
        existing.refundedAt ?? (status === 'refunded' || status === 'partially_refunded' ? occurredAt : null),
      chargedBackAt: existing.chargedBackAt ?? (status === 'charged_back' ? occurredAt : null),
    };
    if (takeDetails && first) {
      next.product = first.product;
      next.edition = first.edition;
      next.quantity = quantity;
      next.amountMinor = event.amountMinor;
      next.currency = event.currency;
      next.isTest = event.isTest ? 1 : 0;
      next.purchasedAt = Math.min(existing.purchasedAt, event.purchasedAt.getTime());
      if (status === 'refunded') next.refundedMinor = Math.max(next.refundedMinor, event.amountMinor);
    }
    const changed = (Object.keys(next) as (keyof OrderRow)[]).some((k) => next[k] !== existing[k]);
    if (changed) {
      updateOrder.run(db, { ...next, nowMs });
    }
    // Lines come from the same notifications that may set the details; another product's
    // notification adds its line instead of replacing the order's product.
    const linesChanged = takeDetails && writeOrderLines(db, existing.id, event, nowMs);
    let licensesChanged = writeLicenses(existing.id, next.customerId, event, status, nowMs, false);
    if (isRevokingStatus(status))
      licensesChanged =
        revokeLicensesOfOrder.run(db, { orderId: existing.id, nowMs }).changes > 0 || licensesChanged;
    else if (existing.status === 'charged_back' && status === 'completed')
      licensesChanged =
        restoreLicensesOfOrder.run(db, { orderId: existing.id, nowMs }).changes > 0 || licensesChanged;
    return {
      outcome: changed || linesChanged || licensesChanged ? 'updated' : 'unchanged',
      orderId: existing.id,
      customerId: next.customerId,
      status,
    };
  }

  return {
    apply,
    licenseKeysOf(orderId) {
      return licenseKeysOfOrder.all(db, { orderId }).map((r) => r.key);
    },
  };
}

/** "Tessera 5 Pro" → 5; products without a number are version 1. */
export function majorVersionOf(product: string, edition: string): number {
  const match = /\b(?:v)?(\d{1,3})(?:\.\d+)*\b/i.exec(`${product} ${edition}`);
  return match ? Number(match[1]) : 1;
}
