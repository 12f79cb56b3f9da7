import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  beginTwoFactorEnrolment,
  confirmTwoFactorEnrolment,
  createSession,
  DEFAULT_SESSION_POLICY,
  verifyPassword,
} from '@keydesk/auth';
import type { TestDb } from '@keydesk/db/testing';
import { createSecretBox, createSettingsStore } from '@keydesk/settings';
import { TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { createTestOwner } from './http-test-server.ts';
import { useTestDb } from './test-db.ts';

const root = path.resolve(import.meta.dirname, '../../..');

function owner(db: TestDb, args: string[], input = '') {
  const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['apps/api/src/cli/owner.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${db.file}` },
    input,
    encoding: 'utf8',
    timeout: 100_000, // tsx start-up plus argon2 on a busy machine
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm run owner', { timeout: 240_000 }, () => {
  let db: TestDb;
  useTestDb('all', async (opened) => {
    db = opened;
    await createTestOwner(db);
  });

  it('reset-password reads the new password from stdin, never prints it, ends every session and is audited', async () => {
    await createSession({ db, now: new Date(), policy: DEFAULT_SESSION_POLICY });
    const password = 'a brand new owner passphrase 42';
    const result = owner(db, ['reset-password'], `${password}\n`);
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/password is changed/);
    expect(result.output).not.toContain(password);
    const row = await db.prisma.owner.findUniqueOrThrow({ where: { id: 1 }, select: { passwordHash: true } });
    expect(await verifyPassword(row.passwordHash, password)).toBe(true);
    expect(await db.prisma.session.count()).toBe(0);
    const audit = await db.prisma.auditLog.findFirst({
      where: { action: 'auth.password.change' },
      select: { actor: true, details: true },
    });
    expect(audit?.actor).toBe('cli');
    expect(audit?.details ?? '').not.toContain(password);
  });

  it('reset-password refuses a short or common password and changes nothing', async () => {
    const before = await db.prisma.owner.findUniqueOrThrow({
      where: { id: 1 },
      select: { passwordHash: true },
    });
    for (const weak of ['short', 'password123456']) {
      const result = owner(db, ['reset-password'], `${weak}\n`);
      expect(result.code).toBe(1);
      expect(result.output).toMatch(/at least 12|most commonly used/);
      expect(result.output).not.toMatch(/^\s+at /m);
    }
    const after = await db.prisma.owner.findUniqueOrThrow({
      where: { id: 1 },
      select: { passwordHash: true },
    });
    expect(after.passwordHash).toBe(before.passwordHash);
  });

  it('disable-2fa turns two-factor sign-in off', async () => {
    const settings = createSettingsStore(db, createSecretBox(Buffer.alloc(32, 3)));
    const { secret } = await beginTwoFactorEnrolment({ db, sealer: settings });
    const code = new TOTP({ secret }).generate();
    await confirmTwoFactorEnrolment({ db, sealer: settings, code, now: new Date(), ip: null });
    const result = owner(db, ['disable-2fa']);
    expect(result.code).toBe(0);
    const row = await db.prisma.owner.findUniqueOrThrow({
      where: { id: 1 },
      select: { totpEnabledAt: true, totpSecretEnc: true, recoveryCodeHashes: true },
    });
    expect(row).toEqual({ totpEnabledAt: null, totpSecretEnc: null, recoveryCodeHashes: null });
    expect(await db.prisma.auditLog.count({ where: { action: 'auth.2fa.disable', actor: 'cli' } })).toBe(1);
  });

  it('unlock is audited, and an unknown command prints the usage', () => {
    expect(owner(db, ['unlock']).code).toBe(0);
    const unknown = owner(db, ['make-coffee']);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toMatch(/^Usage: npm run owner/);
  });
});
