import type { Db } from '@keydesk/db';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { createSession, type OwnerSession, type SessionPolicy } from './session.ts';

export type LoginResult =
  | { ok: true; token: string; session: OwnerSession }
  | { ok: false; reason: 'invalid_credentials' };

/** Checks email and password; a wrong email and a wrong password give the same answer in similar time. */
export async function loginOwner(options: {
  db: Db;
  email: string;
  password: string;
  now: Date;
  policy: SessionPolicy;
  ip: string | null;
  userAgent: string | null;
}): Promise<LoginResult> {
  const { db, now } = options;
  const email = options.email.trim().toLowerCase();
  const owner = await db.prisma.owner.findFirst({ select: { email: true, passwordHash: true } });
  const isEmailRight = owner !== null && owner.email === email;
  const hashToCheck = isEmailRight && owner ? owner.passwordHash : await dummyPasswordHash();
  const isPasswordRight = await verifyPassword(hashToCheck, options.password);
  const isSuccess = isEmailRight && isPasswordRight;
  await db.prisma.loginAttempt.create({
    data: {
      at: now,
      ip: options.ip ?? 'unknown',
      email: email.slice(0, 200),
      isSuccess,
      reason: isSuccess ? null : 'invalid_credentials',
    },
  });
  if (!isSuccess) return { ok: false, reason: 'invalid_credentials' };
  const created = await createSession({
    db,
    now,
    policy: options.policy,
    ip: options.ip,
    userAgent: options.userAgent,
  });
  return { ok: true, ...created };
}
