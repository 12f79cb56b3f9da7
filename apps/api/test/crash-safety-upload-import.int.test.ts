// SIGKILL of the real server while it imports an uploaded order CSV, then a restart and the same
// file uploaded again: whole batches only, the import resumes where the last batch committed, and
// every order ends up there exactly once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CSV_IMPORT_BATCH_ROWS } from '@keydesk/ingestion';
import { writeOrderCsv } from '@keydesk/ingestion/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signInOverHttp } from './http-test-server.ts';
import { createScratchServerFolder, type ScratchServerFolder, type SpawnedServer } from './spawned-server.ts';

const ROWS = 30_000;
const BATCH = CSV_IMPORT_BATCH_ROWS;
let folder: ScratchServerFolder;
beforeAll(async () => {
  folder = await createScratchServerFolder('keydesk-crash-upload-');
});
afterAll(() => folder.clean());

function start(): Promise<SpawnedServer> {
  // The upload's temporary copy lands here, so a killed server's leftover is cleaned up too.
  return folder.start({ TMPDIR: folder.dir, LOG_LEVEL: 'warn' });
}

async function upload(server: SpawnedServer, body: Buffer): Promise<number> {
  const cookie = await signInOverHttp(server.url);
  const response = await fetch(`${server.url}/imports/upload?kind=orders&reseller=paypro`, {
    method: 'POST',
    body,
    headers: { cookie, origin: server.url, 'sec-fetch-site': 'same-origin' },
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { importRunId: number }).importRunId;
}

type RunState = { status: string; itemsDone: number; created: number; rejected: number };

const runState = (id: number) =>
  folder.read(
    (s) =>
      s
        .prepare('SELECT status, itemsDone, created, rejected FROM ImportRun WHERE id = ?')
        .safeIntegers(false)
        .get(id) as RunState,
  );
const count = (sql: string) =>
  folder.read((s) => Number(s.prepare(`SELECT COUNT(*) FROM ${sql}`).pluck().safeIntegers(false).get()));

/** Polls the file from another connection until the condition holds (committed state only). */
async function waitForRun(id: number, done: (state: RunState) => boolean, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = runState(id);
    if (done(state)) return state;
    if (Date.now() > deadline) throw new Error(`Import run ${id} stuck at ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

it('resumes an uploaded import after the server was killed mid-import, each order once', async () => {
  const csv = path.join(folder.dir, 'orders.csv');
  await writeOrderCsv(csv, { rows: ROWS, reseller: 'paypro', seed: 7 });
  const body = readFileSync(csv);

  const first = await start();
  const runId = await upload(first, body);
  // Kill once the first batch has committed, while later ones are being written.
  const atKill = await waitForRun(runId, (s) => s.itemsDone >= BATCH);
  await first.kill();
  expect(atKill.status).toBe('running');

  const after = folder.read((s) => s.pragma('integrity_check', { simple: true }));
  expect(after).toBe('ok');
  const run = runState(runId);
  const orders = count('"Order"');
  // Rows and the progress marker commit together: what is there is exactly what the marker says.
  expect(run.status).toBe('running');
  expect(run.itemsDone % BATCH).toBe(0);
  expect(orders).toBe(run.created);
  expect(orders).toBeGreaterThanOrEqual(BATCH);
  expect(orders).toBeLessThan(ROWS);
  expect(
    count(
      `"Order" o WHERE NOT EXISTS (SELECT 1 FROM License l WHERE l.orderId = o.id) AND o.status != 'pending'`,
    ),
  ).toBe(0);

  const restarted = await start();
  expect(await upload(restarted, body)).toBe(runId);
  const finished = await waitForRun(runId, (s) => s.status !== 'running');
  expect(finished).toEqual({ status: 'completed', itemsDone: ROWS, created: ROWS, rejected: 0 });
  expect(count('"Order"')).toBe(ROWS);
  expect(count('(SELECT resellerOrderId FROM "Order" GROUP BY resellerOrderId HAVING count(*) > 1)')).toBe(0);
  expect(
    count(
      `"Order" o WHERE NOT EXISTS (SELECT 1 FROM License l WHERE l.orderId = o.id) AND o.status != 'pending'`,
    ),
  ).toBe(0);
  expect(count('ImportRun')).toBe(1);
  await restarted.stop();
}, 400_000);
