import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { flushUpdateChecks, rollUpUpdateChecks } from '@keydesk/analytics';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpdateCheckRoute } from '../src/http/collect-update-check.ts';
import { TokenBucketLimiter } from '../src/http/token-bucket.ts';
import { updateCheckRollupJob } from '../src/jobs/update-check-rollup-job.ts';
import { createServer } from '../src/server.ts';
import { createServicesForTest } from './test-services.ts';

const UA = 'TesseraUpdater/5.1.3 (Windows NT 10.0; secret-agent-marker)';
const CHECK = { product: 'tessera', version: '5.1.3', os: 'Windows', osVersion: '11', language: 'de-DE' };

let db: TestDb;
let server: Server;
let base: string;
const services = () => createServicesForTest(db, { trustProxy: true });

beforeAll(async () => {
  db = await createTestDb();
  const s = services();
  s.settings.set('analytics.latestVersions', JSON.stringify({ tessera: '5.2.0' }));
  server = createServer({
    services: s,
    routes: [createUpdateCheckRoute(new TokenBucketLimiter({ capacity: 5, refillPerSecond: 0.01 }))],
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.destroy();
});

function post(ip: string, body: unknown, raw?: string) {
  return fetch(`${base}/collect/update-check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, 'user-agent': UA },
    body: raw ?? JSON.stringify(body),
  });
}

describe('POST /collect/update-check', () => {
  it('answers with the latest version and keeps the network, never the address or the user agent', async () => {
    const res = await post('198.51.100.77', { ...CHECK, licenseKey: 'ABCD-EFGH' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ latestVersion: '5.2.0', updateAvailable: true });
    const v6 = await post('2001:db8:1234:5678::abcd', CHECK);
    expect(v6.status).toBe(200);
    flushUpdateChecks(db);
    const rows = db.sqlite.prepare('SELECT ip FROM UpdateCheckRaw ORDER BY id').all();
    expect(rows).toEqual([{ ip: '198.51.100.0/24' }, { ip: '2001:db8:1234::/48' }]);
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(path.join(db.dir, 'keydesk.db')).toString('latin1');
    for (const needle of ['198.51.100.77', '2001:db8:1234:5678', 'secret-agent-marker', 'TesseraUpdater'])
      expect(bytes.includes(needle), needle).toBe(false);
  });

  it('holds the limit in a flood from one client while other clients still get answers', async () => {
    const flood = await Promise.all(Array.from({ length: 60 }, () => post('203.0.113.9', CHECK)));
    const statuses = flood.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(55);
    expect(flood.find((r) => r.status === 429)?.headers.get('retry-after')).toMatch(/^\d+$/);
    const others = await Promise.all(
      ['203.0.114.1', '203.0.115.1', '2001:db8:ff::1'].map((ip) => post(ip, CHECK)),
    );
    expect(others.map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('writes buffered checks on its own within a moment', async () => {
    const count = () =>
      (db.sqlite.prepare('SELECT COUNT(*) AS n FROM UpdateCheckRaw').get() as { n: bigint }).n;
    flushUpdateChecks(db);
    const before = count();
    expect((await post('192.0.2.200', CHECK)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(count()).toBe(before + 1n);
  });

  it('refuses oversized and invalid bodies with 4xx', async () => {
    expect((await post('192.0.2.1', null, 'x'.repeat(5000))).status).toBe(413);
    expect((await post('192.0.2.2', null, '{not json')).status).toBe(400);
    expect((await post('192.0.2.3', { ...CHECK, language: '<script>' })).status).toBe(400);
  });

  it('answers only 2xx or 4xx to random bodies', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 3000 }),
          fc.json(),
          fc
            .record({
              product: fc.oneof(fc.string(), fc.integer(), fc.constant('tessera')),
              version: fc.oneof(fc.string(), fc.constant('1.0')),
              os: fc.string(),
              osVersion: fc.string(),
              language: fc.oneof(fc.string(), fc.constant('en')),
              licenseKey: fc.option(fc.string()),
            })
            .map((v) => JSON.stringify(v)),
        ),
        async (body) => {
          n += 1;
          const res = await post(`10.${n >> 8}.${n & 255}.1`, null, body);
          await res.arrayBuffer();
          return res.status >= 200 && res.status < 500;
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('roll-up job', () => {
  it('rolls old checks into daily counts and deletes them; recent ones stay for the abuse list', async () => {
    const now = new Date();
    const insert = db.sqlite.prepare(
      `INSERT INTO UpdateCheckRaw (receivedAt, ip, product, appVersion, os, osVersion, language, licenseKey)
       VALUES (?, '192.0.2.0/24', 'tessera', '4.0.0', 'macOS', '14', 'en', ?)`,
    );
    const old = now.getTime() - 20 * 86_400_000;
    insert.run(old, 'K1');
    insert.run(old + 1000, null);
    insert.run(old + 2000, null);
    flushUpdateChecks(db);
    const before = (db.sqlite.prepare('SELECT COUNT(*) AS n FROM UpdateCheckRaw').get() as { n: bigint }).n;
    const summary = await updateCheckRollupJob.run(services(), now);
    expect(summary).toMatch(/rolled 3 checks older than 14 days/);
    const after = (db.sqlite.prepare('SELECT COUNT(*) AS n FROM UpdateCheckRaw').get() as { n: bigint }).n;
    expect(after).toBe(before - 3n);
    const daily = db.sqlite
      .prepare(
        "SELECT isLicensed, checks FROM UpdateCheckDaily WHERE appVersion = '4.0.0' ORDER BY isLicensed",
      )
      .safeIntegers(false)
      .all();
    expect(daily).toEqual([
      { isLicensed: 0, checks: 2 },
      { isLicensed: 1, checks: 1 },
    ]);
    expect(rollUpUpdateChecks({ db, now, retentionDays: 14 }).deleted).toBe(0);
  });
});
