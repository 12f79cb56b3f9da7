// Guesses fired all at once over real HTTP: the back-off is checked and the attempt counted in one
// step before argon2 runs, so a burst gets exactly the free allowance, not one password check each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTrpc, type HttpTestServer, startHttpTestServer, TEST_OWNER } from './http-test-server.ts';

const BURST = 20;

describe('simultaneous wrong sign-ins', () => {
  let server: HttpTestServer;
  beforeAll(async () => {
    server = await startHttpTestServer({ trustProxy: true });
  });
  afterAll(() => server.close());

  async function burst(makeAttempt: (i: number) => { ip: string; email: string }) {
    const responses = await Promise.all(
      Array.from({ length: BURST }, (_, i) => {
        const { ip, email } = makeAttempt(i);
        return callTrpc(server.url, 'auth.login', {
          input: { email, password: `wrong-guess-${i}` },
          headers: { 'x-forwarded-for': ip },
        });
      }),
    );
    const statuses = responses.map((r) => r.status);
    return {
      refused: statuses.filter((s) => s === 401).length,
      throttled: statuses.filter((s) => s === 429).length,
    };
  }

  const passwordChecks = (where: { ip?: string; email?: string }) =>
    server.db.prisma.loginAttempt.count({ where: { reason: 'invalid_credentials', ...where } });

  it('lets one address check exactly its free allowance of passwords', async () => {
    const ip = '203.0.113.80';
    const { refused, throttled } = await burst((i) => ({ ip, email: `guess${i}@example.com` }));
    const allowance = server.services.loginThrottle.ip.freeFailures;
    expect(refused).toBe(allowance);
    expect(throttled).toBe(BURST - allowance);
    expect(await passwordChecks({ ip })).toBe(allowance);
    expect(await server.db.prisma.loginAttempt.count({ where: { ip, reason: 'pending' } })).toBe(0);
  });

  it('lets twenty addresses check exactly the account allowance against the owner', async () => {
    const { refused, throttled } = await burst((i) => ({
      ip: `198.51.100.${i + 1}`,
      email: TEST_OWNER.email,
    }));
    const allowance = server.services.loginThrottle.account.freeFailures;
    expect(refused).toBe(allowance);
    expect(throttled).toBe(BURST - allowance);
    expect(await passwordChecks({ email: TEST_OWNER.email })).toBe(allowance);
  });
});
