// customer.find over HTTP (the real server, a signed-in cookie) against the same queries run
// straight through findCustomers on SQLite as the floor. Demo data: 1M customers (quick: 50k),
// cached in the temp folder keyed by size and seed, since generating 1M takes minutes.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createOwner } from '@keydesk/auth';
import { createDb } from '@keydesk/db';
import { createRng, generateDemo } from '@keydesk/db/demo';
import { findCustomers } from '@keydesk/search';
import { isQuick, percentile, report, reportPeakRss } from './bench-kit.ts';

const CUSTOMERS = isQuick ? 50_000 : 1_000_000;
const SEED = 20261125;
const PER_KIND = isQuick ? 15 : 40;
const OWNER = { email: 'bench@keydesk.test', password: 'bench password for search' };
const ROOT = path.resolve(import.meta.dirname, '..');

/** Bumped when the demo generator's data changes; schema changes are applied to the cached copy instead. */
const DEMO_VERSION = 1;

async function cachedDemoDb(): Promise<string> {
  const dir = path.join(tmpdir(), 'keydesk-bench-search', `${CUSTOMERS}-${SEED}-demo${DEMO_VERSION}`);
  const file = path.join(dir, 'keydesk.db');
  if (existsSync(file)) {
    // Migrations added since the copy was built (new indexes, triggers) are applied, as on upgrade.
    const db = await createDb({ file });
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await db.close();
    return file;
  }
  const building = path.join(dir, 'building');
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const started = performance.now();
  const db = await createDb({ file: path.join(building, 'keydesk.db') });
  generateDemo({ sqlite: db.sqlite, customers: CUSTOMERS, seed: SEED });
  await createOwner({ db, email: OWNER.email, password: OWNER.password, now: new Date() });
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await db.close();
  report('search.demo_build_seconds', (performance.now() - started) / 1000, 's');
  renameSync(path.join(building, 'keydesk.db'), file);
  rmSync(building, { recursive: true, force: true });
  return file;
}

type Query = { kind: string; text: string };

/** A fixed, seeded mix of what the owner pastes: emails, name parts, typos, key fragments, order ids. */
function buildQueries(file: string): Promise<Query[]> {
  return createDb({ file, migrate: false }).then(async (db) => {
    const rng = createRng(7);
    const maxId = Number(db.sqlite.prepare('SELECT max(id) FROM Customer').pluck().safeIntegers(false).get());
    const queries: Query[] = [];
    const pickCustomer = () => {
      for (;;) {
        const row = db.sqlite
          .prepare(
            `SELECT c.name, e.email, l.key, o.resellerOrderId AS orderId FROM Customer c
             JOIN CustomerEmail e ON e.customerId = c.id JOIN License l ON l.customerId = c.id
             JOIN "Order" o ON o.customerId = c.id WHERE c.id = ? LIMIT 1`,
          )
          .safeIntegers(false)
          .get(rng.int(1, maxId)) as
          | { name: string; email: string; key: string; orderId: string }
          | undefined;
        if (row && /^[A-Za-z]/.test(row.name)) return row;
      }
    };
    for (let i = 0; i < PER_KIND; i++) {
      const c = pickCustomer();
      const last = c.name.split(' ').at(-1) ?? c.name;
      const at = rng.int(1, Math.max(1, last.length - 2));
      const typo =
        last.slice(0, at) + last.slice(at + 1, at + 2) + last.slice(at, at + 1) + last.slice(at + 2);
      const key = c.key.replaceAll('-', '');
      queries.push(
        { kind: 'email_exact', text: c.email },
        { kind: 'email_prefix', text: c.email.slice(0, 8) },
        { kind: 'email_part', text: c.email.split('@')[0]?.split('.').at(-1) ?? c.email },
        { kind: 'name_part', text: last },
        { kind: 'name_typo', text: `${c.name.split(' ')[0]} ${typo}` },
        { kind: 'key_whole', text: c.key },
        { kind: 'key_fragment', text: key.slice(5, 13).toLowerCase() },
        { kind: 'order_id', text: c.orderId },
      );
    }
    await db.close();
    return queries;
  });
}

async function startServer(file: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${file}`,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/[^\s]+)/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`The server exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ json: OWNER }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  return cookie;
}

function summarize(name: string, samples: number[]) {
  report(`${name}.p50`, percentile(samples, 50), 'ms');
  report(`${name}.p95`, percentile(samples, 95), 'ms');
  report(`${name}.p99`, percentile(samples, 99), 'ms');
}

const file = await cachedDemoDb();
const queries = await buildQueries(file);

// Floor: the same domain function on its own connection, no HTTP, tRPC or JSON.
const direct = await createDb({ file, migrate: false });
const floor: number[] = [];
const floorByKind = new Map<string, number[]>();
for (let round = 0; round < 2; round++) {
  for (const q of queries) {
    const started = performance.now();
    findCustomers({ db: direct, query: q.text, limit: 25 });
    const ms = performance.now() - started;
    if (round === 0) continue; // warm-up
    floor.push(ms);
    floorByKind.set(q.kind, [...(floorByKind.get(q.kind) ?? []), ms]);
  }
}
await direct.close();

const { url, child } = await startServer(file);
const http: number[] = [];
const httpByKind = new Map<string, number[]>();
let found = 0;
try {
  const cookie = await signIn(url);
  for (let round = 0; round < 2; round++) {
    for (const q of queries) {
      const input = encodeURIComponent(JSON.stringify({ json: { query: q.text, limit: 25 } }));
      const started = performance.now();
      const response = await fetch(`${url}/trpc/customer.find?input=${input}`, { headers: { cookie } });
      const body = (await response.json()) as { result?: { data?: { json?: { items: unknown[] } } } };
      const ms = performance.now() - started;
      if (!response.ok) throw new Error(`customer.find failed: ${response.status} ${JSON.stringify(body)}`);
      if (round === 0) continue;
      if ((body.result?.data?.json?.items.length ?? 0) > 0) found++;
      http.push(ms);
      httpByKind.set(q.kind, [...(httpByKind.get(q.kind) ?? []), ms]);
    }
  }
  const serverPeak = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1];
  if (serverPeak) report('search.server.peak_rss', Number(serverPeak) / 1024, 'MB');
} finally {
  child.kill('SIGTERM');
}

report('search.customers', CUSTOMERS, 'customers');
report('search.queries', queries.length, 'queries');
report('search.queries_with_results', found, 'queries');
summarize('search.http', http);
summarize('search.sqlite_floor', floor);
report('search.http_over_floor_p95', percentile(http, 95) / percentile(floor, 95), 'x');
for (const [kind, samples] of httpByKind) {
  report(`search.http.${kind}.p95`, percentile(samples, 95), 'ms');
  report(`search.sqlite_floor.${kind}.p95`, percentile(floorByKind.get(kind) ?? [], 95), 'ms');
}
reportPeakRss('search');
