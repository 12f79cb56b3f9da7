// Fires 1,000 wrong sign-ins over real HTTP while the owner works in another session, and checks
// that the guesses that reached the password check are exactly those the back-off schedule allows.
import { type BackoffSchedule, backoffDelayMs, unlockLogins } from '@keydesk/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callTrpc,
  type HttpTestServer,
  signInOverHttp,
  startHttpTestServer,
  TEST_OWNER,
} from './http-test-server.ts';

const STEP_MS = 7_000; // the attacker fires every 7 s of server time, far faster than allowed
const OWNER_IP = '198.51.100.7';

/** The guess times the schedule allows for attempts arriving at `times`. */
function allowedGuesses(times: number[], schedule: BackoffSchedule): number[] {
  const guesses: number[] = [];
  for (const t of times) {
    const last = guesses.at(-1);
    if (last === undefined || t >= last + backoffDelayMs(guesses.length, schedule)) guesses.push(t);
  }
  return guesses;
}

describe('login throttling under 1,000 wrong sign-ins', () => {
  let server: HttpTestServer;
  let ownerCookie: string;
  let ownerChecks = 0;

  beforeAll(async () => {
    server = await startHttpTestServer({ trustProxy: true });
    ownerCookie = await signInOverHttp(server.url, { 'x-forwarded-for': OWNER_IP });
  });
  afterAll(() => server.close());

  async function attack(attempts: number, makeAttempt: (i: number) => { ip: string; email: string }) {
    const times: number[] = [];
    const answers = new Map<number, number>();
    for (let i = 0; i < attempts; i++) {
      server.advance(STEP_MS);
      times.push(server.services.now().getTime());
      const { ip, email } = makeAttempt(i);
      const response = await callTrpc(server.url, 'auth.login', {
        input: { email, password: `guess-number-${i}-xyz` },
        headers: { 'x-forwarded-for': ip },
      });
      answers.set(response.status, (answers.get(response.status) ?? 0) + 1);
      if (response.status === 401)
        expect(response.body.error?.json?.message).toBe('The email or password is not right.');
      if (i % 20 === 0) {
        const work = await callTrpc(server.url, 'overview.get', { method: 'GET', cookie: ownerCookie });
        expect(work.status).toBe(200);
        ownerChecks += 1;
      }
    }
    return { times, answers };
  }

  function guessesBetween(from: number, to: number, where: { ip?: string; email?: string }) {
    return server.db.prisma.loginAttempt.findMany({
      where: { at: { gte: new Date(from), lte: new Date(to) }, reason: 'invalid_credentials', ...where },
      select: { at: true },
      orderBy: { at: 'asc' },
    });
  }

  it('holds one IP trying many emails to the per-IP schedule', async () => {
    const ip = '203.0.113.66';
    const { times, answers } = await attack(500, (i) => ({ ip, email: `someone${i}@example.com` }));
    const first = times[0] ?? 0;
    const last = times.at(-1) ?? 0;
    const guesses = (await guessesBetween(first, last, { ip })).map((g) => g.at.getTime());
    expect(guesses).toEqual(allowedGuesses(times, server.services.loginThrottle.ip));
    expect(answers.get(401)).toBe(guesses.length);
    expect(answers.get(429)).toBe(500 - guesses.length);
    // Every attempt is recorded, the refused ones too.
    expect(await server.db.prisma.loginAttempt.count({ where: { ip, at: { gte: new Date(first) } } })).toBe(
      500,
    );
    console.log(`per IP: ${guesses.length} password checks in ${Math.round((last - first) / 60_000)} min`);
    expect(guesses.length).toBeLessThan(25);
  });

  it('holds many IPs guessing the owner password to the per-account schedule', async () => {
    const { times, answers } = await attack(500, (i) => ({
      ip: `10.${Math.floor(i / 250)}.${i % 250}.9`,
      email: TEST_OWNER.email,
    }));
    const first = times[0] ?? 0;
    const last = times.at(-1) ?? 0;
    const guesses = (await guessesBetween(first, last, { email: TEST_OWNER.email })).map((g) =>
      g.at.getTime(),
    );
    expect(guesses).toEqual(allowedGuesses(times, server.services.loginThrottle.account));
    expect(answers.get(429)).toBe(500 - guesses.length);
    console.log(
      `per account: ${guesses.length} password checks in ${Math.round((last - first) / 60_000)} min`,
    );
    expect(guesses.length).toBeLessThan(25);
    expect(ownerChecks).toBe(50);
  });

  it('lets the owner in from a known IP while the account is throttled, and after an unlock from anywhere', async () => {
    const fromNewIp = await callTrpc(server.url, 'auth.login', {
      input: TEST_OWNER,
      headers: { 'x-forwarded-for': '192.0.2.50' },
    });
    expect(fromNewIp.status).toBe(429);
    expect(fromNewIp.body.error?.json?.message).toMatch(/Try again in \d+ (seconds|minutes)/);

    const fromKnownIp = await callTrpc(server.url, 'auth.login', {
      input: TEST_OWNER,
      headers: { 'x-forwarded-for': OWNER_IP },
    });
    expect(fromKnownIp.status).toBe(200);

    unlockLogins({ db: server.db, now: server.services.now() });
    const afterUnlock = await callTrpc(server.url, 'auth.login', {
      input: TEST_OWNER,
      headers: { 'x-forwarded-for': '192.0.2.50' },
    });
    expect(afterUnlock.status).toBe(200);
  });
});
