// Raw SQL for the Overview: aggregates Prisma's API cannot express efficiently.
// Times are stored as epoch milliseconds (see packages/db/src/client.ts).
import type Database from 'better-sqlite3';

export type CurrencyTotal = { currency: string; amountMinor: number; orders: number };

// Revenue counts what was kept: refunds are subtracted, charged-back, canceled and pending orders are not sales.
const REVENUE_SQL = `
  SELECT currency, SUM(amountMinor - refundedMinor) AS amountMinor, COUNT(*) AS orders
  FROM "Order"
  WHERE purchasedAt >= ? AND purchasedAt < ? AND isTest = 0
    AND status IN ('completed', 'partially_refunded')
  GROUP BY currency ORDER BY amountMinor DESC`;

const LICENSES_SQL = `
  SELECT COUNT(*) AS n FROM License l
  LEFT JOIN "Order" o ON o.id = l.orderId
  WHERE l.issuedAt >= ? AND l.issuedAt < ? AND COALESCE(o.isTest, 0) = 0`;

const OPEN_CONVERSATIONS_SQL = `
  SELECT (SELECT COUNT(*) FROM ChatTranscript WHERE isAwaitingReply = 1)
       + (SELECT COUNT(*) FROM EmailThread WHERE isAwaitingReply = 1) AS n`;

export function revenueByCurrency(sqlite: Database.Database, from: Date, to: Date): CurrencyTotal[] {
  return sqlite.prepare(REVENUE_SQL).safeIntegers(false).all(from.getTime(), to.getTime()) as CurrencyTotal[];
}

export function licensesIssued(sqlite: Database.Database, from: Date, to: Date): number {
  const row = sqlite.prepare(LICENSES_SQL).safeIntegers(false).get(from.getTime(), to.getTime()) as {
    n: number;
  };
  return row.n;
}

export function openConversations(sqlite: Database.Database): number {
  return (sqlite.prepare(OPEN_CONVERSATIONS_SQL).safeIntegers(false).get() as { n: number }).n;
}
