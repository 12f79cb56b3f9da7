// Customers with their emails, orders, licenses and newsletter state, written with prepared
// statements in large transactions (Prisma's per-row round trips would take minutes at 1M).
import type Database from 'better-sqlite3';
import { withoutForeignKeyChecks } from '../foreign-keys.ts';
import { withDeferredSearchIndex } from '../search-index.ts';
import {
  demoEmailExists,
  insertDemoCustomer,
  insertDemoEmail,
  insertDemoLicense,
  insertDemoNewsletter,
  insertDemoOrder,
} from '../sql/demo.ts';
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

  const writeOne = (index: number) => {
    const primary = demoPrimaryEmail(seed, index);
    if (demoEmailExists.get(sqlite, { email: primary }) !== undefined) return;
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
    const customerId = insertDemoCustomer.run(sqlite, {
      name: `${first} ${last}`,
      company,
      country: country.code,
      addressLine1: address,
      city,
      postalCode: postal,
      firstSeenAt: firstSeen,
      lastSeenAt: lastSeen,
    }).lastInsertRowid;
    counts.customers++;
    insertDemoEmail.run(sqlite, { customerId, email: primary, isPrimary: 1, createdAt: firstSeen });
    counts.emails++;
    if (rng.chance(0.15)) {
      insertDemoEmail.run(sqlite, {
        customerId,
        email: `${primary.split('@')[0]}@${company ? `${asciiFold(last)}-${index + 1}.example.com` : 'work.example.net'}`,
        isPrimary: 0,
        createdAt: lastSeen,
      });
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
      const orderResult = insertDemoOrder.run(sqlite, {
        reseller,
        resellerOrderId: orderNo,
        customerId,
        product: line.product,
        edition,
        quantity,
        amountMinor: amount,
        currency: country.currency,
        status,
        refundedMinor,
        purchasedAt: order.at,
        refundedAt,
        chargedBackAt,
      });
      if (orderResult.changes === 0) return;
      counts.orders++;
      const orderId = orderResult.lastInsertRowid;
      const key = generateDemoLicenseKey(rng);
      const isRevoked = status === 'refunded' || status === 'charged_back';
      const majorVersion =
        3 + Math.min(2, Math.floor((order.at - (nowMs - 3 * 365 * DAY_MS)) / (365 * DAY_MS)));
      insertDemoLicense.run(sqlite, {
        key: key.display,
        keyNormalized: key.normalized,
        product: line.product,
        edition,
        seats: quantity,
        majorVersion,
        status: isRevoked ? 'revoked' : 'active',
        issuedAt: order.at,
        revokedAt: isRevoked ? (refundedAt ?? chargedBackAt) : null,
        orderId,
        customerId,
      });
      counts.licenses++;
    });
    const newsletterRoll = rng.next();
    if (newsletterRoll < 0.35) {
      const isUnsubscribed = newsletterRoll < 0.05;
      const subscribedAt = firstSeen;
      insertDemoNewsletter.run(sqlite, {
        email: primary,
        customerId,
        status: isUnsubscribed ? 'unsubscribed' : 'subscribed',
        subscribedAt,
        unsubscribedAt: isUnsubscribed ? subscribedAt + rng.int(5, 300) * DAY_MS : null,
      });
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
