// Spawns `npm run import`'s script for real, kills it with SIGKILL half-way, runs it again, and
// checks every order went in exactly once.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { writeOrderCsv } from '@keydesk/ingestion/testing';
import { scanForCardNumbers } from '@keydesk/privacy';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repoRoot } from '../src/env.ts';

let db: TestDb;
const ROWS = 30_000;

let indexesOfAFreshDatabase = 0;

beforeAll(async () => {
  db = await createTestDb();
  indexesOfAFreshDatabase = count(`sqlite_master WHERE type = 'index'`);
});
afterAll(async () => {
  expect(scanForCardNumbers(db.file)).toEqual([]);
  await db.destroy();
});

function runImport(file: string, killAfterPercent?: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'apps/api/src/cli/import.ts', 'orders', file, '--reseller', 'paypro'],
    {
      cwd: repoRoot(),
      env: { ...process.env, DATABASE_URL: `file:${db.file}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    const percent = [...stderr.matchAll(/\]\s+(\d+)%/g)].map((m) => Number(m[1])).at(-1) ?? 0;
    if (killAfterPercent !== undefined && percent >= killAfterPercent && percent < 100) child.kill('SIGKILL');
  });
  return new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>(
    (resolve) => {
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    },
  );
}

const count = (sql: string) =>
  (db.sqlite.prepare(`SELECT count(*) AS n FROM ${sql}`).safeIntegers(false).get() as { n: number }).n;

// Three real processes on a shared machine: generous time.
it('resumes after SIGKILL and ends with each order exactly once', { timeout: 300_000 }, async () => {
  const file = path.join(db.dir, 'orders.csv');
  await writeOrderCsv(file, {
    rows: ROWS,
    reseller: 'paypro',
    extraLines: new Map([[15_000, 'broken,row']]),
  });
  const killed = await runImport(file, 20);
  expect(killed.signal).toBe('SIGKILL');
  const partial = count('"Order"');
  expect(partial).toBeGreaterThan(0);
  expect(partial).toBeLessThan(ROWS);
  // A file this size into an empty database sets the secondary indexes aside while it writes;
  // the kill left them aside, and the next open of the database builds them again.
  expect(count('DeferredIndex')).toBeGreaterThan(0);

  const resumed = await runImport(file);
  expect(resumed.code, resumed.stderr).toBe(0);
  expect(resumed.stderr).toContain('line 15002: expected 12 columns, found 2');
  expect(resumed.stdout).toMatch(/completed: 30001 rows/);
  expect(count('"Order"')).toBe(ROWS);
  expect(count(`(SELECT resellerOrderId FROM "Order" GROUP BY resellerOrderId HAVING count(*) > 1)`)).toBe(0);
  // Each order has its licenses once: generated keys (one per order) or the two delivered keys.
  expect(count(`(SELECT orderId FROM License GROUP BY orderId HAVING count(*) > 2)`)).toBe(0);
  expect(
    count(
      `"Order" o WHERE NOT EXISTS (SELECT 1 FROM License l WHERE l.orderId = o.id) AND o.status != 'pending'`,
    ),
  ).toBe(0);
  const run = db.sqlite
    .prepare(`SELECT status, itemsDone, created, rejected FROM ImportRun WHERE kind = 'orders'`)
    .safeIntegers(false)
    .get();
  expect(run).toEqual({ status: 'completed', itemsDone: ROWS + 1, created: ROWS, rejected: 1 });

  expect(count('DeferredIndex')).toBe(0);
  expect(count(`sqlite_master WHERE type = 'index'`)).toBe(indexesOfAFreshDatabase);

  const again = await runImport(file);
  expect(again.stdout).toContain('imported completely before');
  expect(count('"Order"')).toBe(ROWS);
});
