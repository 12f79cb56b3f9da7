// CSV order import: rows per second into a fresh database (customers, orders and licenses written)
// and the importer's peak RSS, at 100,000 and 1,000,000 rows. Each import runs in a child process.
// The CSV files are generated once and kept in the temp folder for later runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeOrderCsv } from '@keydesk/ingestion/testing';
import { isQuick, report } from './bench-kit.ts';

const sizes = isQuick ? [100_000] : [100_000, 1_000_000];

for (const rows of sizes) {
  const csv = path.join(tmpdir(), `keydesk-bench-orders-v1-${rows}.csv`);
  if (!existsSync(csv)) {
    await writeOrderCsv(`${csv}.part`, { rows, reseller: 'paypro', seed: 7 });
    renameSync(`${csv}.part`, csv);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-bench-import-'));
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'import-orders-child.ts'),
      csv,
      path.join(dir, 'bench.db'),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  rmSync(dir, { recursive: true, force: true });
  if (child.status !== 0) throw new Error(`import of ${rows} rows failed`);
  const figures = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as {
    rows: number;
    seconds: number;
    cpuSeconds: number;
    orders: number;
    licenses: number;
    peakRssMb: number;
  };
  const label = `import_orders.${rows >= 1_000_000 ? `${rows / 1_000_000}m` : `${rows / 1000}k`}`;
  report(`${label}.rate`, figures.rows / figures.seconds, 'rows/s');
  report(`${label}.seconds`, figures.seconds, 's');
  // On a shared machine the wall clock includes waiting for a core; CPU time does not.
  report(`${label}.cpu_rate`, figures.rows / figures.cpuSeconds, 'rows/cpu-s');
  report(`${label}.orders`, figures.orders, 'orders');
  report(`${label}.licenses`, figures.licenses, 'licenses');
  report(`${label}.peak_rss`, figures.peakRssMb, 'MB');
}
