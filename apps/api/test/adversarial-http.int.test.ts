// The real server process under hostile input at every endpoint a stranger can reach: random
// requests answer only 2xx or 4xx, oversized bodies are refused without being held, prototype keys
// find nothing, and the process's memory stays bounded throughout.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb } from '@keydesk/db';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileRequest, PROTOTYPE_KEYS } from './hostile-requests.ts';
import { callTrpc, createTestOwner, TEST_OWNER } from './http-test-server.ts';
import { postChunked, postDeclaredOnly, processMemoryMb, sendRaw } from './raw-http.ts';
import { type SpawnedServer, spawnServer } from './spawned-server.ts';
import { signTawk } from './webhooks/tawk-fixtures.ts';

const TAWK_SECRET = 'tawk-test-secret';
const MB = 1024 * 1024;
const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-adversarial-'));
let server: SpawnedServer;
let warmRssMb = 0;
let ipCounter = 0;
const freshIp = () => `192.0.2.${(ipCounter++ % 250) + 1}`;

beforeAll(async () => {
  const dbFile = path.join(dir, 'data', 'keydesk.db');
  const db = await createDb({ file: dbFile });
  await createTestOwner(db);
  await db.close();
  const webDist = path.join(dir, 'dist');
  mkdirSync(path.join(webDist, 'assets'), { recursive: true });
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Keydesk</title>');
  writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log(1);');
  server = await spawnServer({
    DATABASE_URL: `file:${dbFile}`,
    KEYDESK_SECRET_KEY_FILE: path.join(dir, 'keydesk.key'),
    WEB_DIST: webDist,
    LOG_LEVEL: 'warn',
    // Behind a "proxy", so every request can come from its own address and reach its handler
    // instead of the per-address limits.
    TRUST_PROXY: '1',
    PAYPRO_VALIDATION_KEY: 'pp-validation',
    PAYPRO_SECRET_KEY: 'pp-secret',
    AVANGATE_SECRET_KEY: 'av-secret',
    NEWSLETTER_WEBHOOK_SECRET: 'nl-secret',
    TAWK_WEBHOOK_SECRET: TAWK_SECRET,
  });
  // Warm up: every endpoint once, so lazily loaded code is not counted as growth.
  for (const p of ['/healthz', '/', '/trpc/auth.status']) await fetch(`${server.url}${p}`);
  await callTrpc(server.url, 'auth.login', { input: TEST_OWNER, headers: { 'x-forwarded-for': freshIp() } });
  warmRssMb = (await processMemoryMb(server.pid)).rss;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const isAnswered = (status: number) => status >= 200 && status < 500;

describe('hostile requests against the real server process', () => {
  it('answers 2xx or 4xx to every random request at every reachable endpoint', async () => {
    await fc.assert(
      fc.asyncProperty(hostileRequest(server.url), async (request) => {
        const response = await sendRaw(server.url, request);
        if ('error' in response) throw new Error(`${request.method} ${request.path}: ${response.error}`);
        expect(isAnswered(response.status), `${request.method} ${request.path} → ${response.status}`).toBe(
          true,
        );
      }),
      { numRuns: 400 },
    );
    expect(server.output()).not.toMatch(/request failed|procedure failed|Unhandled|uncaught/i);
  });

  it('refuses oversized bodies, declared or streamed, four at a time, without holding them', async () => {
    const posts = [
      '/trpc/auth.login',
      '/trpc/auth.setup',
      '/hooks/paypro',
      '/hooks/tawk',
      '/collect/update-check',
      '/u/1.AAAAAAAAAAAAAAAAAAAAAA',
    ];
    for (const p of posts) {
      const headers = {
        origin: server.url,
        'content-type': 'application/json',
        'x-forwarded-for': freshIp(),
      };
      const declared = await Promise.all(
        Array.from({ length: 4 }, () => postDeclaredOnly(server.url, p, 50 * MB, headers)),
      );
      expect(declared.map((r) => r.status)).toEqual([413, 413, 413, 413]);
      const streamed = await Promise.all(
        Array.from({ length: 4 }, () =>
          postChunked(server.url, p, { chunkBytes: 64 * 1024, totalBytes: 50 * MB, headers }),
        ),
      );
      for (const r of streamed) expect(r.status, p).toBe(413);
    }
    const { rss } = await processMemoryMb(server.pid);
    expect(rss - warmRssMb).toBeLessThan(150);
  });

  it('finds nothing under prototype keys at any public endpoint', async () => {
    for (const key of PROTOTYPE_KEYS) {
      const headers = { 'content-type': 'application/json', 'x-forwarded-for': freshIp() };
      const check = { product: key, version: '1.0', os: 'Windows', osVersion: '11', language: 'en' };
      const collected = await sendRaw(server.url, {
        method: 'POST',
        path: '/collect/update-check',
        headers,
        body: Buffer.from(JSON.stringify(check)),
      });
      expect(collected).toMatchObject({ status: 200 });
      if ('text' in collected)
        expect(JSON.parse(collected.text)).toEqual({ latestVersion: null, updateAvailable: false });

      const login = await callTrpc(server.url, 'auth.login', {
        input: { email: key, password: key },
        headers: { 'x-forwarded-for': freshIp() },
      });
      expect(login.status).toBe(401);
      const envelope = `{"json":{"${key}":{"email":"a"},"email":"${key}","password":"x"},"meta":{"values":{"${key}":["undefined"]}}}`;
      for (const procedure of ['auth.login', 'auth.setup', 'auth.loginSecondFactor']) {
        const response = await sendRaw(server.url, {
          method: 'POST',
          path: `/trpc/${procedure}`,
          headers: { ...headers, origin: server.url },
          body: Buffer.from(envelope),
        });
        expect('status' in response && response.status >= 400 && response.status < 500, procedure).toBe(true);
      }
      const formBody = `${key}=1&${key}[${key}]=2&ORDER_ID=${key}&IPN_TYPE_ID=${key}&ORDERSTATUS=${key}`;
      for (const hook of ['/hooks/paypro', '/hooks/avangate', '/hooks/newsletter']) {
        const response = await sendRaw(server.url, {
          method: 'POST',
          path: hook,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': freshIp() },
          body: Buffer.from(formBody),
        });
        expect('status' in response && response.status >= 400 && response.status < 500, hook).toBe(true);
      }
      const tawkBody = Buffer.from(`{"${key}":{"event":"chat:end"},"event":"${key}","chatId":"${key}"}`);
      const tawk = await sendRaw(server.url, {
        method: 'POST',
        path: '/hooks/tawk',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': freshIp(),
          'x-tawk-signature': signTawk(tawkBody, TAWK_SECRET),
        },
        body: tawkBody,
      });
      expect('status' in tawk && isAnswered(tawk.status), `tawk ${key}`).toBe(true);
    }
    expect(server.output()).not.toMatch(/request failed|procedure failed/i);
  });

  it('still serves the owner afterwards, with memory back within bounds', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const login = await callTrpc(server.url, 'auth.login', {
      input: TEST_OWNER,
      headers: { 'x-forwarded-for': freshIp() },
    });
    expect(login.status).toBe(200);
    const { rss, peak } = await processMemoryMb(server.pid);
    console.log(
      `adversarial: RSS warm ${warmRssMb.toFixed(0)} MB, after ${rss.toFixed(0)} MB, peak ${peak.toFixed(0)} MB`,
    );
    expect(rss - warmRssMb).toBeLessThan(150);
    expect(peak).toBeLessThan(600);
  });
});
