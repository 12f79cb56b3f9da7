import type Database from 'better-sqlite3';
import { generateDemoAnalytics } from './demo-analytics.ts';
import { generateDemoConversations } from './demo-conversations.ts';
import { generateDemoCustomers } from './demo-customers.ts';
import { generateDemoRates } from './demo-rates.ts';

export { demoPrimaryEmail } from './demo-customers.ts';
export { createRng, itemSeed, type Rng } from './rng.ts';

export const DEFAULT_DEMO_CUSTOMERS = 20_000;
export const DEFAULT_DEMO_SEED = 20261125;

export type DemoOptions = {
  sqlite: Database.Database;
  customers?: number;
  seed?: number;
  now?: Date;
  onProgress?: (stage: string, done: number, total: number) => void;
};

/**
 * Fills the database with deterministic synthetic data. Customer i is always the same person,
 * so running it again adds nothing, and a larger --customers adds only the missing ones.
 */
export function generateDemo(options: DemoOptions) {
  const customers = options.customers ?? DEFAULT_DEMO_CUSTOMERS;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const now = options.now ?? new Date();
  const sales = generateDemoCustomers({
    sqlite: options.sqlite,
    seed,
    count: customers,
    now,
    onProgress: (done) => options.onProgress?.('customers', done, customers),
  });
  // Conversations grow with the customer base but stay a support-desk-sized number.
  const conversationCount = Math.min(20_000, Math.max(40, Math.round(customers * 0.04)));
  options.onProgress?.('conversations', 0, conversationCount);
  const conversations = generateDemoConversations({
    sqlite: options.sqlite,
    seed,
    count: conversationCount,
    now,
  });
  options.onProgress?.('analytics', 0, 730);
  const analytics = generateDemoAnalytics({ sqlite: options.sqlite, seed, now });
  const exchangeRates = generateDemoRates({ sqlite: options.sqlite, seed, now });
  return { ...sales, ...conversations, analyticsRows: analytics.rows, exchangeRates };
}
