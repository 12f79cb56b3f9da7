import { createHash, randomInt } from 'node:crypto';
import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
import { DomainError } from '@keydesk/db';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { OWNER_ID } from './owner.ts';
import { verifyPassword } from './password.ts';
import {
  disableOwnerTotp,
  enableOwnerTotp,
  readLastTotpStep,
  updateOwnerRecoveryCodes,
  writeLastTotpStep,
} from './sql.ts';

/** Encrypts with the key kept outside the database (the settings store's AEAD box). */
export type SecretSealer = {
  seal(value: string, context: string): string;
  unseal(sealed: string, context: string): string;
};

const TOTP_CONTEXT = 'owner.totpSecret';
const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export class TwoFactorError extends DomainError {
  readonly kind = 'invalid';
}

function makeTotp(secretBase32: string, email: string): TOTP {
  return new TOTP({
    issuer: 'Keydesk',
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex');
}

function makeRecoveryCode(): string {
  const pick = () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  const part = () => Array.from({ length: 5 }, pick).join('');
  return `${part()}-${part()}`;
}

async function readOwner(db: Db) {
  const owner = await db.prisma.owner.findUnique({
    where: { id: OWNER_ID },
    select: {
      email: true,
      passwordHash: true,
      totpSecretEnc: true,
      totpEnabledAt: true,
      recoveryCodeHashes: true,
    },
  });
  if (!owner) throw new TwoFactorError('There is no owner account yet.');
  return owner;
}

export async function getTwoFactorStatus(options: { db: Db }) {
  const owner = await readOwner(options.db);
  const codes = owner.recoveryCodeHashes ? (JSON.parse(owner.recoveryCodeHashes) as string[]) : [];
  return { isEnabled: owner.totpEnabledAt !== null, recoveryCodesLeft: codes.length };
}

/** A new secret, kept (encrypted) but not in force until a code confirms it. */
export async function beginTwoFactorEnrolment(options: { db: Db; sealer: SecretSealer }) {
  const owner = await readOwner(options.db);
  if (owner.totpEnabledAt) throw new TwoFactorError('Two-factor authentication is already on.');
  const secret = new Secret({ size: 20 }).base32;
  await options.db.prisma.owner.update({
    where: { id: OWNER_ID },
    data: { totpSecretEnc: options.sealer.seal(secret, TOTP_CONTEXT) },
  });
  const uri = makeTotp(secret, owner.email).toString();
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 220 });
  return { secret, otpauthUri: uri, qrDataUrl };
}

/** The step (30 s counter) a code belongs to, or null; a step already used is refused (no replay). */
function matchTotp(db: Db, secretBase32: string, email: string, code: string, now: Date): number | null {
  const totp = makeTotp(secretBase32, email);
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = totp.counter({ timestamp: now.getTime() }) + delta;
  const lastStep = readLastTotpStep(db);
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

export async function confirmTwoFactorEnrolment(options: {
  db: Db;
  sealer: SecretSealer;
  code: string;
  now: Date;
  ip: string | null;
}): Promise<{ recoveryCodes: string[] }> {
  const { db, now } = options;
  const owner = await readOwner(db);
  if (owner.totpEnabledAt) throw new TwoFactorError('Two-factor authentication is already on.');
  if (!owner.totpSecretEnc) throw new TwoFactorError('Start the set-up again.');
  const secret = options.sealer.unseal(owner.totpSecretEnc, TOTP_CONTEXT);
  const step = matchTotp(db, secret, owner.email, options.code.trim(), now);
  if (step === null)
    throw new TwoFactorError('That code is not right; check the time on your phone and try again.');
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, makeRecoveryCode);
  db.sqlite.transaction(() => {
    writeLastTotpStep(db, step, now);
    enableOwnerTotp.run(db, {
      id: OWNER_ID,
      totpEnabledAt: now.getTime(),
      recoveryCodeHashes: JSON.stringify(recoveryCodes.map(hashRecoveryCode)),
      updatedAt: now.getTime(),
    });
    recordAudit(db, { action: 'auth.2fa.enable', actor: 'owner', ip: options.ip }, now);
  })();
  return { recoveryCodes };
}

/** Checks a code from the app or a recovery code (which is then used up). */
export async function verifySecondFactor(options: {
  db: Db;
  sealer: SecretSealer;
  code: string;
  now: Date;
}): Promise<'totp' | 'recovery_code' | null> {
  const { db, now } = options;
  const owner = await readOwner(db);
  if (!owner.totpEnabledAt || !owner.totpSecretEnc) return null;
  const code = options.code.trim();
  if (/^\d{6}$/.test(code)) {
    const secret = options.sealer.unseal(owner.totpSecretEnc, TOTP_CONTEXT);
    const step = matchTotp(db, secret, owner.email, code, now);
    if (step === null) return null;
    writeLastTotpStep(db, step, now);
    return 'totp';
  }
  const hashes = owner.recoveryCodeHashes ? (JSON.parse(owner.recoveryCodeHashes) as string[]) : [];
  const hash = hashRecoveryCode(code);
  if (!hashes.includes(hash)) return null;
  updateOwnerRecoveryCodes.run(db, {
    id: OWNER_ID,
    recoveryCodeHashes: JSON.stringify(hashes.filter((h) => h !== hash)),
    updatedAt: now.getTime(),
  });
  return 'recovery_code';
}

/** From Settings the password is asked again; from the shell (`npm run owner -- disable-2fa`) it is not. */
export async function disableTwoFactor(options: {
  db: Db;
  now: Date;
  ip: string | null;
  password: string | null;
  actor: 'owner' | 'cli';
}): Promise<void> {
  const { db, now } = options;
  const owner = await readOwner(db);
  if (options.actor === 'owner') {
    if (options.password === null || !(await verifyPassword(owner.passwordHash, options.password)))
      throw new TwoFactorError('The password is not right.');
  }
  db.sqlite.transaction(() => {
    disableOwnerTotp.run(db, { id: OWNER_ID, updatedAt: now.getTime() });
    recordAudit(db, { action: 'auth.2fa.disable', actor: options.actor, ip: options.ip }, now);
  })();
}
