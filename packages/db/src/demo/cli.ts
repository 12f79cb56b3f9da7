// `npm run demo -- [--customers N] [--seed N]`: fills the configured database with demo data.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDb, resolveDatabaseFile } from '../client.ts';
import { REPO_ROOT } from '../migrations-dir.ts';
import { DEFAULT_DEMO_CUSTOMERS, DEFAULT_DEMO_SEED, generateDemo } from './index.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: String(DEFAULT_DEMO_CUSTOMERS) },
    seed: { type: 'string', default: String(DEFAULT_DEMO_SEED) },
  },
});
const customers = Number(values.customers);
const seed = Number(values.seed);
if (!Number.isInteger(customers) || customers < 1 || !Number.isInteger(seed)) {
  console.error('Usage: npm run demo -- [--customers 20000] [--seed 20261125]');
  process.exit(2);
}

const file = resolveDatabaseFile(process.env.DATABASE_URL ?? 'file:./data/keydesk.db', REPO_ROOT);
const db = await createDb({ file });
const started = performance.now();
let lastPrint = 0;
const result = generateDemo({
  sqlite: db.sqlite,
  customers,
  seed,
  onProgress(stage, done, total) {
    const t = performance.now();
    if (stage !== 'customers' || t - lastPrint > 1000 || done === total) {
      lastPrint = t;
      process.stderr.write(`\r${stage}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}      `);
    }
  },
});
const seconds = (performance.now() - started) / 1000;
process.stderr.write('\n');
console.log(`Demo data in ${path.relative(process.cwd(), file)} (${seconds.toFixed(1)} s):`);
console.log(
  `  ${result.customers.toLocaleString('en')} new customers, ${result.orders.toLocaleString('en')} orders, ${result.licenses.toLocaleString('en')} licenses, ` +
    `${result.newsletter.toLocaleString('en')} newsletter entries, ${result.chats} chats, ${result.threads} email threads, ${result.analyticsRows.toLocaleString('en')} daily aggregate rows, ` +
    `${result.exchangeRates.toLocaleString('en')} exchange rates (demo figures, not the ECB's).`,
);
if (result.customers === 0)
  console.log('  (Everything was already there: running the demo again adds nothing.)');
await db.close();
