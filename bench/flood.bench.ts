// Floods every public endpoint of the real server for 30 s (5 s with --quick) from a second process
// while the owner works: how much the database grows, the owner's query latency (p95) during the
// flood, and the server's resident memory once it is over.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { generateDemo } from '@keydesk/db/demo';
import { callTrpc, signInOverHttp } from '../apps/api/test/http-test-server.ts';
import { processMemoryMb } from '../apps/api/test/raw-http.ts';
import { OWNER, REPO_ROOT, startServer } from '../apps/web/e2e/fixtures/server.ts';
import { isQuick, percentile, report } from './bench-kit.ts';

const SECONDS = isQuick ? 5 : 30;
const CUSTOMERS = isQuick ? 1_000 : 10_000;

function databaseMb(dbFile: string): number {
  const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);
  return (size(dbFile) + size(`${dbFile}-wal`)) / (1024 * 1024);
}

/** The server's pid: the one listening on the server's port (Linux). */
async function serverPid(url: string): Promise<number> {
  const { readdirSync, readFileSync, readlinkSync } = await import('node:fs');
  const port = Number(new URL(url).port).toString(16).toUpperCase().padStart(4, '0');
  const listening = readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .find((cols) => cols[1]?.endsWith(`:${port}`) && cols[3] === '0A');
  const inode = listening?.[9];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`))
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return Number(pid);
    } catch {
      // Gone, or someone else's.
    }
  }
  throw new Error('The server process was not found.');
}

const server = await startServer({
  env: {
    LOG_LEVEL: 'error',
    // Configured, so bad signatures are refused (4xx) as in production, not reported unconfigured.
    PAYPRO_VALIDATION_KEY: 'bench-paypro-validation',
    PAYPRO_SECRET_KEY: 'bench-paypro-secret',
    AVANGATE_SECRET_KEY: 'bench-avangate',
    NEWSLETTER_WEBHOOK_SECRET: 'bench-newsletter',
    TAWK_WEBHOOK_SECRET: 'bench-tawk',
  },
});
try {
  const db = await server.openDb();
  generateDemo({ sqlite: db.sqlite, customers: CUSTOMERS, seed: 1 });
  await db.close();
  const pid = await serverPid(server.url);
  const cookie = await signInOverHttp(server.url, {}, OWNER);
  const ownerQuery = async () => {
    const started = performance.now();
    const response = await callTrpc(server.url, 'overview.get', { method: 'GET', cookie });
    if (response.status !== 200) throw new Error(`The owner's query answered ${response.status}.`);
    return performance.now() - started;
  };
  for (let i = 0; i < 5; i++) await ownerQuery();
  const dbBefore = databaseMb(server.dbFile);

  const flooder = spawn(
    path.join(REPO_ROOT, 'node_modules/.bin/tsx'),
    [path.join(REPO_ROOT, 'bench/flood-child.ts'), server.url, String(SECONDS)],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let flooderOutput = '';
  flooder.stdout?.on('data', (chunk: Buffer) => (flooderOutput += chunk.toString()));
  const flooderDone = new Promise<number | null>((resolve) => flooder.once('exit', resolve));

  // The owner's work runs while the flooder floods, from its first request to its last.
  await new Promise<void>((resolve, reject) => {
    flooder.stdout?.on('data', () => flooderOutput.includes('flooding') && resolve());
    void flooderDone.then(() => reject(new Error(`The flooding process ended early:\n${flooderOutput}`)));
  });
  const latencies: number[] = [];
  // A query the flood made fail is counted and named, not a crash: the run still gives its figures.
  const failures: string[] = [];
  let isFlooding = true;
  void flooderDone.then(() => (isFlooding = false));
  while (isFlooding) {
    try {
      latencies.push(await ownerQuery());
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause;
      failures.push(`${(error as Error).message}${cause ? ` (${cause.message})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if ((await flooderDone) !== 0) throw new Error('The flooding process failed.');
  const summary = JSON.parse(flooderOutput.trim().split('\n').at(-1) ?? '{}') as {
    sent: number;
    byStatus: Record<string, number>;
  };
  console.log(
    `flood: ${summary.sent} requests in ${SECONDS} s, by status ${JSON.stringify(summary.byStatus)}`,
  );
  if (Object.keys(summary.byStatus).some((status) => status.startsWith('5')))
    throw new Error('The server answered 5xx during the flood.');

  // Let buffered writes land, then measure: growth is what the flood left behind.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  report('flood.db_growth', databaseMb(server.dbFile) - dbBefore, 'MB');
  report('flood.owner_p95', percentile(latencies, 95), 'ms');
  report('flood.owner_queries', latencies.length, 'queries');
  report('flood.owner_failed', failures.length, 'queries');
  report('fuzz.rss_after', (await processMemoryMb(pid)).rss, 'MB');
  report('fuzz.rss_peak', (await processMemoryMb(pid)).peak, 'MB');
  if (failures.length > 0)
    throw new Error(`${failures.length} of the owner's queries failed during the flood: ${failures[0]}`);
} finally {
  await server.stop();
}
