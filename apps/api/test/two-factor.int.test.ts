import type { TestDb } from '@keydesk/db/testing';
import { TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { type AppServices, createContextInner } from '../src/context.ts';
import { appRouter } from '../src/root.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { createTestOwner, TEST_OWNER } from './http-test-server.ts';
import { useTestDb } from './test-db.ts';
import { createServicesForTest } from './test-services.ts';

const createCaller = createCallerFactory(appRouter);

describe('two-factor sign-in', () => {
  let db: TestDb;
  let services: AppServices;
  let clock = Date.now();
  let secret = '';
  let recoveryCodes: string[] = [];
  const cookies: (string | null)[] = [];

  const anonymous = () =>
    createCaller(
      createContextInner({
        services,
        request: { ip: '192.0.2.1', setSessionCookie: (token) => cookies.push(token) },
      }),
    );
  const owner = () => {
    const now = new Date(clock);
    const session = {
      id: 'x'.repeat(64),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(clock + 3_600_000),
    };
    return createCaller(createContextInner({ services, session, request: { ip: '192.0.2.1' } }));
  };
  const codeAt = (ms: number) => new TOTP({ secret }).generate({ timestamp: ms });

  useTestDb('all', async (opened) => {
    db = opened;
    await createTestOwner(db);
    services = createServicesForTest(db, { now: () => new Date(clock) });
  });

  it('enrols with a QR code and a confirming code, and shows recovery codes once', async () => {
    expect(await owner().auth.twoFactor.status()).toEqual({ isEnabled: false, recoveryCodesLeft: 0 });
    const begun = await owner().auth.twoFactor.begin();
    expect(begun.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(begun.otpauthUri).toMatch(/^otpauth:\/\/totp\/Keydesk:owner%40keydesk\.test\?/);
    secret = begun.secret;
    const stored = await db.prisma.owner.findUniqueOrThrow({
      where: { id: 1 },
      select: { totpSecretEnc: true },
    });
    expect(stored.totpSecretEnc).not.toContain(secret);
    await expect(
      owner().auth.twoFactor.confirm({ code: '000000' === codeAt(clock) ? '111111' : '000000' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const confirmed = await owner().auth.twoFactor.confirm({ code: codeAt(clock) });
    recoveryCodes = confirmed.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    const row = await db.prisma.owner.findUniqueOrThrow({
      where: { id: 1 },
      select: { recoveryCodeHashes: true },
    });
    for (const code of recoveryCodes) expect(row.recoveryCodeHashes).not.toContain(code);
    expect(await owner().auth.twoFactor.status()).toEqual({ isEnabled: true, recoveryCodesLeft: 10 });
  });

  it('asks for a code after the password, and the ticket alone opens nothing', async () => {
    clock += 60_000;
    const first = await anonymous().auth.login(TEST_OWNER);
    expect(first.status).toBe('second_factor');
    expect(cookies).toEqual([]);
    if (first.status !== 'second_factor') return;
    await expect(
      anonymous().auth.loginSecondFactor({ pendingToken: first.pendingToken, code: '12345x' }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await anonymous().auth.loginSecondFactor({ pendingToken: first.pendingToken, code: codeAt(clock) });
    expect(cookies).toHaveLength(1);
    // The same code cannot be used twice, nor the spent ticket.
    const again = await anonymous().auth.login(TEST_OWNER);
    if (again.status !== 'second_factor') throw new Error('expected a second step');
    await expect(
      anonymous().auth.loginSecondFactor({ pendingToken: again.pendingToken, code: codeAt(clock) }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(
      anonymous().auth.loginSecondFactor({ pendingToken: first.pendingToken, code: codeAt(clock + 30_000) }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('accepts a recovery code once', async () => {
    const recovery = recoveryCodes[0] ?? '';
    const step = await anonymous().auth.login(TEST_OWNER);
    if (step.status !== 'second_factor') throw new Error('expected a second step');
    await anonymous().auth.loginSecondFactor({
      pendingToken: step.pendingToken,
      code: recovery.toUpperCase(),
    });
    expect(await owner().auth.twoFactor.status()).toEqual({ isEnabled: true, recoveryCodesLeft: 9 });
    const reuse = await anonymous().auth.login(TEST_OWNER);
    if (reuse.status !== 'second_factor') throw new Error('expected a second step');
    await expect(
      anonymous().auth.loginSecondFactor({ pendingToken: reuse.pendingToken, code: recovery }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('spends a ticket after five wrong codes, and expires it after five minutes', async () => {
    const step = await anonymous().auth.login(TEST_OWNER);
    if (step.status !== 'second_factor') throw new Error('expected a second step');
    for (let i = 0; i < 5; i++)
      await expect(
        anonymous().auth.loginSecondFactor({ pendingToken: step.pendingToken, code: 'wrong-code' }),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    clock += 120_000;
    await expect(
      anonymous().auth.loginSecondFactor({ pendingToken: step.pendingToken, code: codeAt(clock) }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const late = await anonymous().auth.login(TEST_OWNER);
    if (late.status !== 'second_factor') throw new Error('expected a second step');
    clock += 5 * 60_000 + 1_000;
    await expect(
      anonymous().auth.loginSecondFactor({ pendingToken: late.pendingToken, code: codeAt(clock) }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('turns off only with the password, and every change is audited', async () => {
    await expect(
      owner().auth.twoFactor.disable({ password: 'not the password at all' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await owner().auth.twoFactor.disable({ password: TEST_OWNER.password });
    expect(await owner().auth.twoFactor.status()).toEqual({ isEnabled: false, recoveryCodesLeft: 0 });
    const actions = (await db.prisma.auditLog.findMany({ select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'auth.2fa.enable',
        'auth.2fa.disable',
        'auth.2fa.recovery_code_used',
        'auth.login',
        'auth.login.failed',
      ]),
    );
    expect((await anonymous().auth.login(TEST_OWNER)).status).toBe('signed_in');
  });
});
