// The idle limit counts from the owner's last request to the millisecond, at the one-minute minimum
// too, while the stored last-seen time is written only every min(60 s, idle / 10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTrpc, type HttpTestServer, signInOverHttp, startHttpTestServer } from './http-test-server.ts';

const IDLE_MS = 60_000;

describe('session idle limit at one minute', () => {
  let server: HttpTestServer;
  beforeAll(async () => {
    server = await startHttpTestServer({ sessionPolicy: { idleMs: IDLE_MS, absoluteMs: 12 * 3_600_000 } });
  });
  afterAll(() => server.close());

  const work = async (cookie: string) =>
    (await callTrpc(server.url, 'overview.get', { method: 'GET', cookie })).status;
  const storedLastSeen = async () =>
    (
      await server.db.prisma.session.findFirstOrThrow({ orderBy: { createdAt: 'desc' } })
    ).lastSeenAt.getTime();

  it('keeps an owner who works every 50 s signed in for ten minutes', async () => {
    const cookie = await signInOverHttp(server.url);
    for (let elapsed = 0; elapsed < 10 * 60_000; elapsed += 50_000) {
      server.advance(50_000);
      expect(await work(cookie)).toBe(200);
    }
  });

  it('ends the session exactly one idle limit after the last request', async () => {
    const cookie = await signInOverHttp(server.url);
    server.advance(30_000);
    expect(await work(cookie)).toBe(200);
    server.advance(IDLE_MS);
    expect(await work(cookie)).toBe(200);
    server.advance(IDLE_MS + 1);
    expect(await work(cookie)).toBe(401);
  });

  it('writes the last-seen time at most every idle / 10, not on every request', async () => {
    const cookie = await signInOverHttp(server.url);
    const interval = IDLE_MS / 10;
    server.advance(interval);
    expect(await work(cookie)).toBe(200);
    const written = await storedLastSeen();
    expect(written).toBe(server.services.now().getTime());
    for (let i = 0; i < 5; i++) {
      server.advance(interval / 10);
      expect(await work(cookie)).toBe(200);
    }
    expect(await storedLastSeen()).toBe(written);
    server.advance(interval);
    expect(await work(cookie)).toBe(200);
    expect(await storedLastSeen()).toBe(server.services.now().getTime());
  });

  it('lists the session with its last request, not the last write', async () => {
    const cookie = await signInOverHttp(server.url);
    server.advance(1_000);
    expect(await work(cookie)).toBe(200);
    const listed = await callTrpc(server.url, 'auth.sessions.find', { method: 'GET', cookie });
    const { items: sessions } = (listed.body.result?.data?.json ?? { items: [] }) as {
      items: { isCurrent: boolean; lastSeenAt: string }[];
    };
    const current = sessions.find((s) => s.isCurrent);
    expect(new Date(current?.lastSeenAt ?? 0).getTime()).toBe(server.services.now().getTime());
  });

  it('takes a last-seen time moved back in the database by someone else as it stands', async () => {
    const cookie = await signInOverHttp(server.url);
    server.advance(1_000);
    expect(await work(cookie)).toBe(200);
    server.db.sqlite
      .prepare('UPDATE Session SET lastSeenAt = ?')
      .run(server.services.now().getTime() - 2 * IDLE_MS);
    expect(await work(cookie)).toBe(401);
  });
});
