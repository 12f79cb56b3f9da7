// Customers with their emails, orders, licenses and newsletter state, written with prepared
// statements in large transactions (Prisma's per-row round trips would take minutes at 1M).
import type Database from 'better-sqlite3';
import { withoutForeignKeyChecks } from '../foreign-keys.ts';
import { withDeferredSearchIndex } from '../search-index.ts';
import { COMPANY_WORDS, COUNTRIES, CURRENCY_FACTOR, EMAIL_DOMAINS, PRODUCTS, STREETS } from './demo-data.ts';
import { generateDemoLicenseKey } from './demo-license-key.ts';
import { createRng, itemSeed, type Rng } from './rng.ts';

const DAY_MS = 86_400_000;
const BATCH = 5_000;
const TOTAL_WEIGHT = COUNTRIES.reduce((sum, c) => sum + c.weight, 0);

export type CustomerDemoCounts = {
  customers: number;
  emails: number;
  orders: number;
  licenses: number;
  newsletter: number;
};

function pickCountry(rng: Rng) {
  let roll = rng.next() * TOTAL_WEIGHT;
  for (const country of COUNTRIES) {
    roll -= country.weight;
    if (roll < 0) return country;
  }
  return COUNTRIES[0] as (typeof COUNTRIES)[number];
}

function asciiFold(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/ı/g, 'i')
    .toLowerCase();
  const cleaned = folded.replace(/[^a-z0-9]+/g, '');
  return cleaned;
}

/** The primary email of demo customer i: the idempotency key that makes reruns add nothing. */
export function demoPrimaryEmail(seed: number, index: number): string {
  const rng = createRng(itemSeed(seed, index));
  const country = pickCountry(rng);
  const first = rng.pick(country.first);
  const last = rng.pick(country.last);
  const local = `${asciiFold(first) || 'user'}.${asciiFold(last) || 'customer'}`;
  return `${local}.${index + 1}@${rng.pick(EMAIL_DOMAINS)}`;
}

export function generateDemoCustomers(options: {
  sqlite: Database.Database;
  seed: number;
  count: number;
  now: Date;
  onProgress?: (done: number) => void;
}): CustomerDemoCounts {
  const { sqlite, seed, count, now } = options;
  const nowMs = now.getTime();
  const counts: CustomerDemoCounts = { customers: 0, emails: 0, orders: 0, licenses: 0, newsletter: 0 };
  const exists = sqlite.prepare('SELECT 1 FROM CustomerEmail WHERE email = ?').pluck();
  const insertCustomer = sqlite.prepare(
    `INSERT INTO Customer (name, company, country, addressLine1, city, postalCode, firstSeenAt, lastSeenAt, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEmail = sqlite.prepare(
    'INSERT OR IGNORE INTO CustomerEmail (customerId, email, isPrimary, createdAt) VALUES (?, ?, ?, ?)',
  );
  const insertOrder = sqlite.prepare(
    `INSERT OR IGNORE INTO "Order" (reseller, resellerOrderId, customerId, product, edition, quantity, amountMinor, currency, status, refundedMinor, isTest, purchasedAt, refundedAt, chargedBackAt, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
  );
  const insertLicense = sqlite.prepare(
    `INSERT OR IGNORE INTO License (key, keyNormalized, product, edition, seats, majorVersion, status, issuedAt, revokedAt, orderId, customerId, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertNewsletter = sqlite.prepare(
    `INSERT OR IGNORE INTO NewsletterSubscription (email, customerId, status, subscribedAt, unsubscribedAt, source, updatedAt)
     VALUES (?, ?, ?, ?, ?, 'demo', ?)`,
  );

  const writeOne = (index: number) => {
    const primary = demoPrimaryEmail(seed, index);
    if (exists.get(primary)) return;
    const rng = createRng(itemSeed(seed, index));
    const country = pickCountry(rng);
    const first = rng.pick(country.first);
    const last = rng.pick(country.last);
    rng.pick(EMAIL_DOMAINS);
    // Recent customers are more common: business grows.
    const firstSeen = nowMs - Math.floor(rng.next() ** 1.6 * 3 * 365 * DAY_MS);
    const company = rng.chance(0.25) ? `${last} ${rng.pick(COMPANY_WORDS)}` : null;
    const city = rng.pick(country.cities);
    const address = `${rng.int(1, 220)} ${rng.pick(STREETS)}`;
    const postal = String(rng.int(10000, 99999));
    const orderCount = rng.chance(0.6) ? 1 : rng.chance(0.7) ? 2 : 3;
    const orders: { at: number }[] = [];
    for (let k = 0; k < orderCount; k++)
      orders.push({ at: Math.min(nowMs - 60_000, firstSeen + Math.floor(rng.next() * (nowMs - firstSeen))) });
    orders.sort((a, b) => a.at - b.at);
    const lastSeen = orders.at(-1)?.at ?? firstSeen;
    const customerId = Number(
      insertCustomer.run(
        `${first} ${last}`,
        company,
        country.code,
        address,
        city,
        postal,
        firstSeen,
        lastSeen,
        firstSeen,
        lastSeen,
      ).lastInsertRowid,
    );
    counts.customers++;
    insertEmail.run(customerId, primary, 1, firstSeen);
    counts.emails++;
    if (rng.chance(0.15)) {
      insertEmail.run(
        customerId,
        `${primary.split('@')[0]}@${company ? `${asciiFold(last)}-${index + 1}.example.com` : 'work.example.net'}`,
        0,
        lastSeen,
      );
      counts.emails++;
    }
    orders.forEach((order, k) => {
      const line = rng.pick(PRODUCTS);
      const edition = rng.pick(line.editions);
      const quantity = rng.chance(0.9) ? 1 : rng.int(2, 10);
      const reseller = rng.chance(0.55) ? 'paypro' : 'avangate';
      const orderNo =
        reseller === 'paypro' ? String(10_000_000 + index * 3 + k) : String(70_000_000 + index * 3 + k);
      const basePrice = (line.prices as Record<string, number>)[edition] ?? 4900;
      const amount = Math.round(
        (basePrice * quantity * (CURRENCY_FACTOR[country.currency] ?? 1)) /
          (country.currency === 'JPY' ? 1 : 1),
      );
      const roll = rng.next();
      const status =
        roll < 0.04
          ? 'refunded'
          : roll < 0.05
            ? 'charged_back'
            : roll < 0.06
              ? 'partially_refunded'
              : 'completed';
      const refundedAt =
        status === 'refunded' || status === 'partially_refunded' ? order.at + rng.int(1, 20) * DAY_MS : null;
      const refundedMinor =
        status === 'refunded' ? amount : status === 'partially_refunded' ? Math.round(amount / 2) : 0;
      const chargedBackAt = status === 'charged_back' ? order.at + rng.int(10, 60) * DAY_MS : null;
      const orderResult = insertOrder.run(
        reseller,
        orderNo,
        customerId,
        line.product,
        edition,
        quantity,
        amount,
        country.currency,
        status,
        refundedMinor,
        order.at,
        refundedAt,
        chargedBackAt,
        order.at,
        order.at,
      );
      if (orderResult.changes === 0) return;
      counts.orders++;
      const orderId = Number(orderResult.lastInsertRowid);
      const key = generateDemoLicenseKey(rng);
      const isRevoked = status === 'refunded' || status === 'charged_back';
      const majorVersion =
        3 + Math.min(2, Math.floor((order.at - (nowMs - 3 * 365 * DAY_MS)) / (365 * DAY_MS)));
      insertLicense.run(
        key.display,
        key.normalized,
        line.product,
        edition,
        quantity,
        majorVersion,
        isRevoked ? 'revoked' : 'active',
        order.at,
        isRevoked ? (refundedAt ?? chargedBackAt) : null,
        orderId,
        customerId,
        order.at,
        order.at,
      );
      counts.licenses++;
    });
    const newsletterRoll = rng.next();
    if (newsletterRoll < 0.35) {
      const isUnsubscribed = newsletterRoll < 0.05;
      const subscribedAt = firstSeen;
      insertNewsletter.run(
        primary,
        customerId,
        isUnsubscribed ? 'unsubscribed' : 'subscribed',
        subscribedAt,
        isUnsubscribed ? subscribedAt + rng.int(5, 300) * DAY_MS : null,
        subscribedAt,
      );
      counts.newsletter++;
    }
  };

  for (let start = 0; start < count; start += BATCH) {
    const end = Math.min(count, start + BATCH);
    // New rows reach the search index once per batch (see search-index.ts), in the same transaction;
    // every reference is an id the batch just wrote, so it runs without foreign-key checks.
    withoutForeignKeyChecks(sqlite, () =>
      withDeferredSearchIndex(sqlite, () => {
        for (let i = start; i < end; i++) writeOne(i);
      }),
    );
    options.onProgress?.(end);
  }
  return counts;
}
