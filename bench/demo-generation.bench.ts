// Demo generation rate: customers per second with all their related rows written.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb } from '@keydesk/db';
import { generateDemo } from '@keydesk/db/demo';
import { isQuick, report, reportPeakRss } from './bench-kit.ts';

const customers = isQuick ? 20_000 : 100_000;
const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-bench-demo-'));
const db = await createDb({ file: path.join(dir, 'demo.db') });
const started = performance.now();
const result = generateDemo({ sqlite: db.sqlite, customers, seed: 1 });
const seconds = (performance.now() - started) / 1000;
report('demo.customers', result.customers, 'customers');
report('demo.seconds', seconds, 's');
report('demo.rate', result.customers / seconds, 'customers/s');
reportPeakRss('demo');
await db.close();
rmSync(dir, { recursive: true, force: true });
