// The importer as the benchmark runs it: a fresh database, one CSV, one JSON line with the figures.
// Its own process, so its peak RSS is the importer's alone.
import { createDb } from '@keydesk/db';
import { createOrderCsvKind, runCsvImport } from '@keydesk/ingestion';

const [file, dbFile] = process.argv.slice(2);
if (!file || !dbFile) throw new Error('usage: import-orders-child.ts CSV DB');
const db = await createDb({ file: dbFile });
const started = performance.now();
const cpuBefore = process.cpuUsage();
const summary = await runCsvImport({ db, now: () => new Date(), file, kind: createOrderCsvKind('paypro') });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const count = (table: string) =>
  (db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).safeIntegers(false).get() as { n: number }).n;
const figures = {
  rows: summary.rows,
  seconds,
  cpuSeconds,
  customers: count('Customer'),
  orders: count('"Order"'),
  licenses: count('License'),
  peakRssMb: process.resourceUsage().maxRSS / 1024,
};
await db.close();
console.log(JSON.stringify(figures));
