import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
import { DEFAULT_THROTTLE_POLICY, loginRetryAfterMs, type ThrottlePolicy } from './login-throttle.ts';
import { OWNER_ID } from './owner.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import type { PendingSecondFactorStore } from './pending-second-factor.ts';
import { createSession, type OwnerSession, type SessionPolicy } from './session.ts';
import { insertLoginAttempt, type LoginAttemptReason } from './sql.ts';
import { type SecretSealer, verifySecondFactor } from './two-factor.ts';

export type LoginResult =
  | { status: 'signed_in'; token: string; session: OwnerSession }
  | { status: 'second_factor'; pendingToken: string }
  | { status: 'refused' }
  | { status: 'throttled'; retryAfterMs: number };

type LoginContext = {
  db: Db;
  now: Date;
  policy: SessionPolicy;
  throttle?: ThrottlePolicy;
  ip: string | null;
  userAgent: string | null;
};

function recordAttempt(ctx: LoginContext, email: string, reason: LoginAttemptReason | null): void {
  const { db, now } = ctx;
  const ip = ctx.ip ?? 'unknown';
  db.sqlite.transaction(() => {
    insertLoginAttempt(db, { at: now, ip, email, isSuccess: reason === null, reason });
    // Throttled attempts stay in LoginAttempt only, so a flood cannot bury the audit log.
    if (reason === 'throttled' || reason === 'second_factor_pending') return;
    recordAudit(
      db,
      {
        action: reason === null ? 'auth.login' : 'auth.login.failed',
        actor: 'owner',
        ip: ctx.ip,
        details: reason === null ? null : { email, reason },
      },
      now,
    );
  })();
}

async function startSession(ctx: LoginContext): Promise<LoginResult> {
  const created = await createSession({
    db: ctx.db,
    now: ctx.now,
    policy: ctx.policy,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
  return { status: 'signed_in', ...created };
}

/**
 * Step one. A throttled attempt is refused before the password is looked at; a wrong email
 * and a wrong password give the same answer after the same argon2 work.
 */
export async function loginOwner(
  options: LoginContext & { email: string; password: string; pending: PendingSecondFactorStore },
): Promise<LoginResult> {
  const { db, now } = options;
  const email = options.email.trim().toLowerCase().slice(0, 200);
  const ip = options.ip ?? 'unknown';
  const retryAfterMs = loginRetryAfterMs({ db, ip, email, now, policy: options.throttle });
  if (retryAfterMs > 0) {
    recordAttempt(options, email, 'throttled');
    return { status: 'throttled', retryAfterMs };
  }
  const owner = await db.prisma.owner.findUnique({
    where: { id: OWNER_ID },
    select: { email: true, passwordHash: true, totpEnabledAt: true },
  });
  const isEmailRight = owner !== null && owner.email === email;
  const hashToCheck = isEmailRight && owner ? owner.passwordHash : await dummyPasswordHash();
  const isPasswordRight = await verifyPassword(hashToCheck, options.password);
  if (!isEmailRight || !isPasswordRight) {
    recordAttempt(options, email, 'invalid_credentials');
    return { status: 'refused' };
  }
  if (owner?.totpEnabledAt) {
    recordAttempt(options, email, 'second_factor_pending');
    const pendingToken = options.pending.issue(now, { email, ip, userAgent: options.userAgent });
    return { status: 'second_factor', pendingToken };
  }
  recordAttempt(options, email, null);
  return startSession(options);
}

/** Step two: a code from the authenticator app or a recovery code, for a pending ticket. */
export async function completeSecondFactor(
  options: LoginContext & {
    pendingToken: string;
    code: string;
    pending: PendingSecondFactorStore;
    sealer: SecretSealer;
  },
): Promise<LoginResult> {
  const { db, now, pending } = options;
  const ticket = pending.get(options.pendingToken, now);
  if (!ticket) return { status: 'refused' };
  const ip = options.ip ?? 'unknown';
  const retryAfterMs = loginRetryAfterMs({ db, ip, email: ticket.email, now, policy: options.throttle });
  if (retryAfterMs > 0) {
    recordAttempt(options, ticket.email, 'throttled');
    return { status: 'throttled', retryAfterMs };
  }
  const method = await verifySecondFactor({ db, sealer: options.sealer, code: options.code, now });
  if (method === null) {
    pending.fail(options.pendingToken);
    recordAttempt(options, ticket.email, 'invalid_second_factor');
    return { status: 'refused' };
  }
  pending.spend(options.pendingToken);
  recordAttempt(options, ticket.email, null);
  if (method === 'recovery_code')
    recordAudit(db, { action: 'auth.2fa.recovery_code_used', actor: 'owner', ip: options.ip }, now);
  return startSession(options);
}

/** `npm run owner -- unlock`: forgets the failures counted so far, for every IP and account. */
export function unlockLogins(options: { db: Db; now: Date }): void {
  const { db, now } = options;
  db.sqlite.transaction(() => {
    insertLoginAttempt(db, { at: now, ip: 'cli', email: '*', isSuccess: false, reason: 'unlock' });
    recordAudit(db, { action: 'auth.login.unlock', actor: 'cli' }, now);
  })();
}

export { DEFAULT_THROTTLE_POLICY };
