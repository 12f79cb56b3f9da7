// Real HTTP against the real server: what a browser (or an attacker) actually sees.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/root.ts';
import { PUBLIC_AUTH_PROCEDURES } from '../src/routers/auth/router.ts';
import {
  callTrpc,
  type HttpTestServer,
  listProcedures,
  signInOverHttp,
  startHttpTestServer,
} from './http-test-server.ts';

function cookieAttributes(setCookie: string): string[] {
  return setCookie
    .split(';')
    .slice(1)
    .map((part) => part.trim().toLowerCase());
}

describe('sessions and headers over HTTP', () => {
  let server: HttpTestServer;
  beforeAll(async () => {
    server = await startHttpTestServer();
  });
  afterAll(() => server.close());

  it('sets a session cookie: HttpOnly, SameSite=Strict, no Expires or Max-Age, not Secure on plain HTTP', async () => {
    const response = await callTrpc(server.url, 'auth.login', {
      input: { email: 'owner@keydesk.test', password: 'correct horse battery staple' },
    });
    expect(response.status).toBe(200);
    const [setCookie] = response.headers.getSetCookie();
    expect(setCookie).toMatch(/^keydesk_session=[\w-]{43};/);
    const attributes = cookieAttributes(setCookie ?? '');
    expect(attributes).toEqual(expect.arrayContaining(['path=/', 'httponly', 'samesite=strict']));
    expect(attributes.some((a) => a.startsWith('expires') || a.startsWith('max-age'))).toBe(false);
    expect(attributes).not.toContain('secure');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('stores only the hash of the token, and every sign-in gets a new one', async () => {
    const first = await signInOverHttp(server.url);
    const second = await signInOverHttp(server.url, { cookie: first });
    expect(second).not.toBe(first);
    const token = first.split('=')[1] ?? '';
    const ids = (await server.db.prisma.session.findMany({ select: { id: true } })).map((s) => s.id);
    expect(ids).not.toContain(token);
    expect(ids.every((id) => /^[0-9a-f]{64}$/.test(id))).toBe(true);
  });

  it('sends the security headers on every kind of response', async () => {
    for (const path of ['/trpc/auth.status', '/healthz', '/no-such-page']) {
      const response = await fetch(`${server.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
      expect(scriptSrc.trim()).toBe("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/default-src[^;]*unsafe-inline/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('refuses a token replayed after logout', async () => {
    const cookie = await signInOverHttp(server.url);
    expect((await callTrpc(server.url, 'overview.get', { method: 'GET', cookie })).status).toBe(200);
    const logout = await callTrpc(server.url, 'auth.logout', { cookie });
    expect(logout.status).toBe(200);
    expect(logout.headers.getSetCookie()[0]).toMatch(/^keydesk_session=;.*Expires=Thu, 01 Jan 1970/);
    const replay = await callTrpc(server.url, 'overview.get', { method: 'GET', cookie });
    expect(replay.status).toBe(401);
  });

  it('refuses a forged token, and a real token under another name', async () => {
    const forged = `keydesk_session=${randomBytes(32).toString('base64url')}`;
    expect((await callTrpc(server.url, 'overview.get', { method: 'GET', cookie: forged })).status).toBe(401);
    const real = await signInOverHttp(server.url);
    const renamed = real.replace('keydesk_session', '__Host-keydesk_session');
    expect((await callTrpc(server.url, 'overview.get', { method: 'GET', cookie: renamed })).status).toBe(401);
  });

  it('ends a session after the idle limit, and after the absolute limit however busy', async () => {
    const idle = await signInOverHttp(server.url);
    server.advance(server.services.sessionPolicy.idleMs - 60_000);
    expect((await callTrpc(server.url, 'overview.get', { method: 'GET', cookie: idle })).status).toBe(200);
    server.advance(server.services.sessionPolicy.idleMs + 1_000);
    expect((await callTrpc(server.url, 'overview.get', { method: 'GET', cookie: idle })).status).toBe(401);

    const busy = await signInOverHttp(server.url);
    const step = server.services.sessionPolicy.idleMs / 2;
    let elapsed = 0;
    while (elapsed + step < server.services.sessionPolicy.absoluteMs) {
      server.advance(step);
      elapsed += step;
      expect((await callTrpc(server.url, 'overview.get', { method: 'GET', cookie: busy })).status).toBe(200);
    }
    server.advance(step);
    expect((await callTrpc(server.url, 'overview.get', { method: 'GET', cookie: busy })).status).toBe(401);
  });

  it('refuses a cross-origin POST before it reaches the procedure', async () => {
    const cookie = await signInOverHttp(server.url);
    const before = await server.db.prisma.session.count();
    const attacks: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attacks) {
      const response = await fetch(`${server.url}/trpc/auth.logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: '{}',
      });
      expect(response.status).toBe(403);
    }
    expect(await server.db.prisma.session.count()).toBe(before);
    expect((await callTrpc(server.url, 'overview.get', { method: 'GET', cookie })).status).toBe(200);
  });

  it('never changes state on GET: every mutation refuses it', async () => {
    const cookie = await signInOverHttp(server.url);
    const mutations = listProcedures(appRouter._def.procedures)
      .filter((p) => p.type === 'mutation')
      .map((p) => p.path);
    expect(mutations).toEqual(
      expect.arrayContaining(['auth.logout', 'auth.sessions.revokeAll', 'secrets.set']),
    );
    const countRows = () =>
      Promise.all([
        server.db.prisma.session.count(),
        server.db.prisma.auditLog.count(),
        server.db.prisma.setting.count(),
      ]);
    const before = await countRows();
    for (const path of mutations) {
      const response = await callTrpc(server.url, path, {
        method: 'GET',
        cookie,
        input: { key: 'smtp.url', value: 'x' },
      });
      expect(response.status, path).toBe(405);
    }
    expect(await countRows()).toEqual(before);
    expect((await callTrpc(server.url, 'overview.get', { method: 'GET', cookie })).status).toBe(200);
  });

  it('answers 401 for every non-public procedure without a cookie', async () => {
    for (const { path, type } of listProcedures(appRouter._def.procedures)) {
      if (PUBLIC_AUTH_PROCEDURES.includes(path)) continue;
      const method = type === 'query' ? 'GET' : 'POST';
      const response = await callTrpc(server.url, path, { method });
      expect(response.status, path).toBe(401);
    }
  });
});

describe('behind a TLS proxy (TRUST_PROXY)', () => {
  let server: HttpTestServer;
  beforeAll(async () => {
    server = await startHttpTestServer({ trustProxy: true });
  });
  afterAll(() => server.close());

  it('uses a __Host- cookie with Secure, and sends HSTS, when the proxy says https', async () => {
    const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' };
    const response = await callTrpc(server.url, 'auth.login', {
      input: { email: 'owner@keydesk.test', password: 'correct horse battery staple' },
      headers: { ...headers, origin: server.url.replace('http:', 'https:') },
    });
    expect(response.status).toBe(200);
    const [setCookie] = response.headers.getSetCookie();
    expect(setCookie).toMatch(/^__Host-keydesk_session=[\w-]{43};/);
    const attributes = cookieAttributes(setCookie ?? '');
    expect(attributes).toEqual(expect.arrayContaining(['path=/', 'httponly', 'samesite=strict', 'secure']));
    expect(
      attributes.some((a) => a.startsWith('domain') || a.startsWith('expires') || a.startsWith('max-age')),
    ).toBe(false);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const session = await server.db.prisma.session.findFirst({
      select: { ip: true },
      orderBy: { createdAt: 'desc' },
    });
    expect(session?.ip).toBe('203.0.113.9');
  });

  it('sends no HSTS when the proxy says http', async () => {
    const response = await fetch(`${server.url}/healthz`, { headers: { 'x-forwarded-proto': 'http' } });
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});
