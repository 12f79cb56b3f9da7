// The Overview's figures: aggregates Prisma's API cannot express efficiently (statements in sql/money.ts).
import type Database from 'better-sqlite3';
import * as money from './sql/money.ts';

export type CurrencyTotal = { currency: string; amountMinor: number; orders: number };

export function revenueByCurrency(sqlite: Database.Database, from: Date, to: Date): CurrencyTotal[] {
  return money.revenueByCurrency.all(sqlite, { fromMs: from.getTime(), toMs: to.getTime() });
}

export function licensesIssued(sqlite: Database.Database, from: Date, to: Date): number {
  return money.licensesIssued.get(sqlite, { fromMs: from.getTime(), toMs: to.getTime() })?.n ?? 0;
}

export function openConversations(sqlite: Database.Database): number {
  return money.openConversations.get(sqlite)?.n ?? 0;
}
