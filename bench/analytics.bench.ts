// Analytics: access-log import (lines/s and peak RSS, beside GoAccess on the same file), update-check
// ingestion over HTTP on loopback, and p95 of every chart query over two years of demo aggregates.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BREAKDOWN_DIMENSIONS,
  flushUpdateChecks,
  GRANULARITIES,
  getBreakdown,
  getTimeSeries,
  TIME_SERIES_METRICS,
} from '@keydesk/analytics';
import { createDb } from '@keydesk/db';
import { generateDemo } from '@keydesk/db/demo';
import { createUpdateCheckRoute } from '../apps/api/src/http/collect-update-check.ts';
import { createServer } from '../apps/api/src/server.ts';
import { createServicesForTest } from '../apps/api/test/test-services.ts';
import { generateAccessLog } from './analytics-log-gen.ts';
import { isQuick, percentile, report } from './bench-kit.ts';

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-bench-analytics-'));
const lines = isQuick ? 200_000 : 2_000_000;

// ── access-log import ──
const logFile = path.join(dir, 'access.log');
const { bytes } = await generateAccessLog(logFile, lines);
report('analytics.log.lines', lines, 'lines');
report('analytics.log.size', bytes / 1048576, 'MiB');
const child = spawnSync(
  path.join(root, 'node_modules/.bin/tsx'),
  [path.join(root, 'bench/analytics-import-child.ts'), logFile, dir],
  {
    cwd: root,
    encoding: 'utf8',
  },
);
if (child.status !== 0) throw new Error(`import child failed: ${child.stderr}`);
const imported = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as {
  seconds: number;
  peakRssMb: number;
};
const keydeskRate = lines / imported.seconds;
report('analytics.import.rate', keydeskRate, 'lines/s');
report('analytics.import.seconds', imported.seconds, 's');
report('analytics.import.peak_rss', imported.peakRssMb, 'MB');

function goaccessPath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v goaccess'], { encoding: 'utf8' });
  if (found.status === 0) return found.stdout.trim();
  if (process.getuid?.() !== 0) return null;
  console.log('# installing goaccess (Debian package)');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'goaccess'], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return install.status === 0 ? 'goaccess' : null;
}
const goaccess = goaccessPath();
if (goaccess) {
  const started = performance.now();
  execFileSync(goaccess, [logFile, '--log-format=COMBINED', '-o', path.join(dir, 'goaccess.json')], {
    stdio: 'ignore',
  });
  const goRate = lines / ((performance.now() - started) / 1000);
  report('analytics.goaccess.rate', goRate, 'lines/s');
  report('analytics.import.vs_goaccess', keydeskRate / goRate, 'x');
} else console.log('# goaccess not available (not root, or the package could not be installed); skipped');
rmSync(logFile, { force: true });

// ── update-check ingestion over HTTP on loopback (real server, distinct clients via X-Forwarded-For) ──
const db = await createDb({ file: path.join(dir, 'bench.db') });
const services = createServicesForTest(db, { trustProxy: true });
services.settings.set('analytics.latestVersions', JSON.stringify({ tessera: '5.2.0' }));
const server = createServer({ services, routes: [createUpdateCheckRoute()] });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/collect/update-check`;
const body = JSON.stringify({
  product: 'tessera',
  version: '5.1.3',
  os: 'Windows',
  osVersion: '11',
  language: 'en',
  licenseKey: 'ABCD-1234',
});
let sent = 0;
let ok = 0;
const until = performance.now() + (isQuick ? 1500 : 5000);
const started = performance.now();
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (performance.now() < until) {
      const n = sent++;
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        },
        body,
      });
      await res.arrayBuffer();
      if (res.status === 200) ok++;
    }
  }),
);
report('analytics.update_check.rate', ok / ((performance.now() - started) / 1000), 'req/s');
await new Promise((resolve) => server.close(resolve));
flushUpdateChecks(db);

// ── chart queries over two years of demo aggregates ──
generateDemo({ sqlite: db.sqlite, customers: isQuick ? 1000 : 5000, seed: 1 });
const now = new Date();
const iterations = isQuick ? 15 : 100;
let worst = 0;
for (const metric of TIME_SERIES_METRICS) {
  const timings: number[] = [];
  for (let i = 0; i < iterations; i++)
    for (const granularity of GRANULARITIES) {
      const t = performance.now();
      getTimeSeries({
        db,
        now,
        metric,
        range: { range: i % 2 ? 'all' : '12m' },
        granularity,
        compare: i % 2 === 0,
      });
      timings.push(performance.now() - t);
    }
  const p95 = percentile(timings, 95);
  worst = Math.max(worst, p95);
  report(`analytics.query.${metric}.p95`, p95, 'ms');
}
for (const dimension of BREAKDOWN_DIMENSIONS) {
  const timings: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    getBreakdown({ db, now, dimension, range: { range: i % 2 ? 'all' : '90d' }, limit: 10 });
    timings.push(performance.now() - t);
  }
  const p95 = percentile(timings, 95);
  worst = Math.max(worst, p95);
  report(`analytics.query.${dimension}.p95`, p95, 'ms');
}
report('analytics.query.worst.p95', worst, 'ms');
await db.close();
rmSync(dir, { recursive: true, force: true });
