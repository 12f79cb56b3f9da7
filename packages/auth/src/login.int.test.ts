import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginOwner } from './login.ts';
import { createOwner } from './owner.ts';
import { dummyPasswordHash } from './password.ts';
import { PendingSecondFactorStore } from './pending-second-factor.ts';
import { DEFAULT_SESSION_POLICY } from './session.ts';

const OWNER = { email: 'owner@keydesk.test', password: 'correct horse battery staple' };

describe('loginOwner', () => {
  let db: TestDb;
  let clock = Date.UTC(2026, 5, 1);
  const attempt = (email: string, password: string, ip = '192.0.2.7') =>
    loginOwner({
      db,
      email,
      password,
      now: new Date(clock),
      policy: DEFAULT_SESSION_POLICY,
      pending: new PendingSecondFactorStore(),
      ip,
      userAgent: null,
    });

  beforeAll(async () => {
    db = await createTestDb();
    await createOwner({ db, ...OWNER, now: new Date(clock) });
  });
  afterAll(() => db.destroy());

  it('does the same argon2 work for a wrong email as for a wrong password', async () => {
    const owner = await db.prisma.owner.findUniqueOrThrow({
      where: { id: 1 },
      select: { passwordHash: true },
    });
    const parameters = (hash: string) => hash.split('$').slice(1, 4).join('$');
    expect(parameters(await dummyPasswordHash())).toBe(parameters(owner.passwordHash));
    expect(parameters(owner.passwordHash)).toBe('argon2id$v=19$m=19456,t=2,p=1');
    expect(await attempt('nobody@keydesk.test', OWNER.password)).toEqual({ status: 'refused' });
    expect(await attempt(OWNER.email, 'not the right password')).toEqual({ status: 'refused' });
  });

  it('throttles an unknown email exactly like the real one, and refuses the right password while throttled', async () => {
    clock += 86_400_000;
    const results: string[] = [];
    for (const email of ['nobody@keydesk.test', OWNER.email]) {
      for (let i = 0; i < 5; i++) await attempt(email, `wrong ${i}`, `198.51.100.${i}`);
      results.push(
        (await attempt(email, email === OWNER.email ? OWNER.password : 'x', '203.0.113.1')).status,
      );
    }
    expect(results).toEqual(['throttled', 'throttled']);
    clock += 1_001;
    expect((await attempt(OWNER.email, OWNER.password, '203.0.113.1')).status).toBe('signed_in');
    const throttled = await db.prisma.loginAttempt.count({ where: { reason: 'throttled' } });
    expect(throttled).toBe(2);
  });
});
