// Requests built to cost the server: bodies too large (declared or streamed), bodies and headers
// that arrive too slowly, floods of sign-ins and webhooks. Each is refused early with a clear
// answer, while the owner's own large and slow bodies still get through.
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTrpc, type HttpTestServer, signInOverHttp, startHttpTestServer } from './http-test-server.ts';
import { dripSocket, postChunked, postDeclaredOnly, requestWithHost } from './raw-http.ts';

const TIMEOUTS = { headersMs: 1_000, bodyDeadlineMs: 1_500, bodyStallMs: 700, ownerBodyStallMs: 1_000 };
const MB = 1024 * 1024;

let server: HttpTestServer;
let ownerCookie: string;
const browser = () => ({ origin: server.url, 'content-type': 'application/json' });

beforeAll(async () => {
  server = await startHttpTestServer({}, { timeouts: TIMEOUTS });
  ownerCookie = await signInOverHttp(server.url);
});
afterAll(() => server.close());

describe('request bodies', () => {
  it('refuses a declared 50 MB sign-in body before reading any of it', async () => {
    const response = await postDeclaredOnly(server.url, '/trpc/auth.login', 50 * MB, browser());
    expect(response.status).toBe(413);
    expect(response.text).toBe(
      'The request body is larger than 64 KB. Larger bodies need a signed-in session.',
    );
  });

  it('stops reading a chunked body once it passes the limit', async () => {
    const response = await postChunked(server.url, '/trpc/auth.login', {
      chunkBytes: 16 * 1024,
      totalBytes: 50 * MB,
      headers: browser(),
    });
    expect(response.status).toBe(413);
    // What the client managed to write before the answer sits in socket buffers, not in the server.
    expect(response.sentBytes).toBeLessThan(16 * MB);
  });

  it('limits webhooks to their own sizes, up front and while streaming', async () => {
    expect((await postDeclaredOnly(server.url, '/hooks/paypro', 100 * 1024)).status).toBe(413);
    const streamed = await postChunked(server.url, '/hooks/newsletter', {
      chunkBytes: 8 * 1024,
      totalBytes: 4 * MB,
    });
    expect(streamed.status).toBe(413);
    expect((await postDeclaredOnly(server.url, '/hooks/tawk', 6 * MB)).status).toBe(413);
  });

  it('lets a signed-in owner send a large body, and only the owner', async () => {
    const input = { json: { fileName: 'chats.json', content: `[${' '.repeat(300_000)}]` } };
    const body = JSON.stringify(input);
    const post = (cookie?: string) =>
      fetch(`${server.url}/trpc/conversation.importChats`, {
        method: 'POST',
        headers: { ...browser(), ...(cookie ? { cookie } : {}) },
        body,
      });
    expect((await post(ownerCookie)).status).toBe(200);
    const stranger = await post();
    expect(stranger.status).toBe(413);
    expect(await stranger.text()).toMatch(/Larger bodies need a signed-in session/);
  });

  it('answers 408 to a body that stalls, and to one that drips past the deadline', async () => {
    const stalled = await postDeclaredOnly(server.url, '/hooks/tawk', 1024);
    expect(stalled.status).toBe(408);
    expect(stalled.text).toBe('The request body arrived too slowly.');
    const dripped = await postChunked(server.url, '/trpc/auth.login', {
      chunkBytes: 10,
      totalBytes: 1_000,
      everyMs: 200,
      headers: browser(),
    });
    expect(dripped.status).toBe(408);
    expect(dripped.sentBytes).toBeLessThan(200);
  });

  it('times an owner body by its progress only, so a slow steady upload gets through', async () => {
    // 12 pieces 250 ms apart: 3 s, twice the deadline a stranger gets, and never a 700 ms pause.
    const response = await postChunked(server.url, '/trpc/conversation.importChats', {
      chunkBytes: 1_000,
      totalBytes: 12_000,
      everyMs: 250,
      headers: { ...browser(), cookie: ownerCookie },
    });
    // The pieces are filler, not JSON: a 400 shows the body was read to its end and parsed.
    expect(response.status).toBe(400);
  });
});

describe('slow senders', () => {
  it('closes a connection whose headers do not arrive within the limit', async () => {
    const lines = ['POST /trpc/auth.login HTTP/1.1\r\n', `Host: ${new URL(server.url).host}\r\n`];
    for (let i = 0; i < 40; i++) lines.push(`X-Drip-${i}: ${i}\r\n`);
    const result = await dripSocket(server.url, lines, 200);
    expect(result.received).toMatch(/^HTTP\/1\.1 408/);
    expect(result.partsSent).toBeLessThan(lines.length);
  });

  it('cuts a dripping body even when the request was already answered (403 here)', async () => {
    const head = [
      'POST /trpc/auth.login HTTP/1.1',
      `Host: ${new URL(server.url).host}`,
      'Origin: http://evil.example',
      'Transfer-Encoding: chunked',
      '',
      '',
    ].join('\r\n');
    const parts = [head, ...Array.from({ length: 40 }, () => '1\r\na\r\n')];
    const result = await dripSocket(server.url, parts, 200);
    expect(result.received).toMatch(/^HTTP\/1\.1 403/);
    expect(result.partsSent).toBeLessThan(parts.length);
  });

  it('keeps an idle keep-alive connection open longer than the headers limit', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const { request } = await import('node:http');
    const get = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = request(`${server.url}/healthz`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
        });
        req.on('error', reject);
        req.end();
      });
    expect(await get()).toEqual({ status: 200, reused: false });
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await get()).toEqual({ status: 200, reused: true });
    agent.destroy();
  });
});

describe('floods', () => {
  it('answers sign-in floods from one address with 429 before they write anything', async () => {
    const ip = '127.0.0.1';
    const before = await server.db.prisma.loginAttempt.count({ where: { ip } });
    const statuses: number[] = [];
    let lastMessage = '';
    for (let i = 0; i < 80; i++) {
      const response = await callTrpc(server.url, 'auth.login', {
        input: { email: `flood${i}@example.com`, password: 'x' },
      });
      statuses.push(response.status);
      lastMessage = response.body.error?.json?.message ?? '';
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
    expect(lastMessage).toBe('Too many requests from this address; try again later.');
    // The bucket holds 60 sign-ins, the owner's in beforeAll among them (the test's clock stands still).
    expect((await server.db.prisma.loginAttempt.count({ where: { ip } })) - before).toBeLessThanOrEqual(60);
  });

  it('answers a flood of webhooks from one address with 429 after its burst', async () => {
    server.services.settings.setSecret('newsletter.secret', 'nl-secret');
    let tooMany = 0;
    for (let i = 0; i < 520; i++) {
      const response = await fetch(`${server.url}/hooks/newsletter`, { method: 'POST', body: `n=${i}` });
      await response.arrayBuffer();
      if (response.status === 429) tooMany += 1;
    }
    // 60 deliveries per address are allowed at once, the earlier tests' included (the clock stands still).
    expect(tooMany).toBeGreaterThanOrEqual(520 - 60);
  });
});

describe('host names', () => {
  const port = () => new URL(server.url).port;

  it('serves loopback names and refuses any other host before doing anything', async () => {
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`, `LOCALHOST.:${port()}`]) {
      expect((await requestWithHost(server.url, '/trpc/auth.status', { host })).status, host).toBe(200);
    }
    const before = await server.db.prisma.loginAttempt.count();
    const rebinding = await requestWithHost(server.url, '/trpc/auth.login', {
      host: `rebind.attacker.example:${port()}`,
      method: 'POST',
      headers: { origin: `http://rebind.attacker.example:${port()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'owner@keydesk.test', password: 'guess' } }),
    });
    expect(rebinding.status).toBe(421);
    expect(rebinding.text).toMatch(/does not answer to that host name/);
    expect(await server.db.prisma.loginAttempt.count()).toBe(before);
    expect((await requestWithHost(server.url, '/', { host: 'evil.example' })).status).toBe(421);
  });

  it('answers /healthz under any name', async () => {
    expect((await requestWithHost(server.url, '/healthz', { host: 'keydesk-container' })).status).toBe(200);
  });

  it('ignores X-Forwarded-Host without TRUST_PROXY, for the host and for the Origin check', async () => {
    const response = await requestWithHost(server.url, '/trpc/auth.login', {
      host: `127.0.0.1:${port()}`,
      method: 'POST',
      headers: {
        'x-forwarded-host': 'evil.example',
        origin: 'http://evil.example',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ json: { email: 'a@b.example', password: 'x' } }),
    });
    expect(response.status).toBe(403);
  });
});

describe('host names behind a proxy', () => {
  let proxied: HttpTestServer;
  beforeAll(async () => {
    proxied = await startHttpTestServer({ trustProxy: true }, { publicUrl: 'https://keydesk.example.com' });
  });
  afterAll(() => proxied.close());

  it('serves PUBLIC_URL’s host, from Host or a trusted X-Forwarded-Host, and nothing else', async () => {
    const get = (headers: Record<string, string>, host = new URL(proxied.url).host) =>
      requestWithHost(proxied.url, '/trpc/auth.status', { host, headers });
    expect((await get({}, 'keydesk.example.com')).status).toBe(200);
    expect((await get({ 'x-forwarded-host': 'keydesk.example.com' })).status).toBe(200);
    expect((await get({ 'x-forwarded-host': 'evil.example' })).status).toBe(421);
    expect((await get({}, 'evil.example')).status).toBe(421);
  });
});
