import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
import { DEFAULT_THROTTLE_POLICY, loginRetryAfterMs, type ThrottlePolicy } from './login-throttle.ts';
import { OWNER_ID } from './owner.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import type { PendingSecondFactorStore } from './pending-second-factor.ts';
import { createSession, type OwnerSession, type SessionPolicy } from './session.ts';
import { insertLoginAttempt, type LoginAttemptReason, settleLoginAttempt } from './sql.ts';
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

type Reservation = { attemptId: number } | { retryAfterMs: number };

/**
 * Checks the back-off and, when the attempt may go ahead, records it as a pending failure in the
 * same transaction, before any password or code is looked at. Concurrent guesses therefore see
 * each other: N at once get exactly the free allowance, not N password checks. A pending attempt
 * whose process dies stays counted as a failure.
 */
function reserveAttempt(ctx: LoginContext, email: string): Reservation {
  const { db, now } = ctx;
  const ip = ctx.ip ?? 'unknown';
  return db.sqlite
    .transaction((): Reservation => {
      const retryAfterMs = loginRetryAfterMs({ db, ip, email, now, policy: ctx.throttle });
      // Throttled attempts stay in LoginAttempt only, so a flood cannot bury the audit log.
      if (retryAfterMs > 0) {
        insertLoginAttempt(db, { at: now, ip, email, isSuccess: false, reason: 'throttled' });
        return { retryAfterMs };
      }
      return {
        attemptId: insertLoginAttempt(db, { at: now, ip, email, isSuccess: false, reason: 'pending' }),
      };
    })
    .immediate();
}

/** Turns a reserved attempt into its outcome (null: success) and audits it. */
function settleAttempt(
  ctx: LoginContext,
  attemptId: number,
  email: string,
  reason: Exclude<LoginAttemptReason, 'pending' | 'throttled' | 'unlock'> | null,
): void {
  const { db, now } = ctx;
  db.sqlite.transaction(() => {
    settleLoginAttempt(db, attemptId, reason);
    if (reason === 'second_factor_pending') return;
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
 * Step one. A throttled attempt is refused before the password is looked at (and an allowed one
 * is counted before it is); a wrong email and a wrong password give the same answer after the
 * same argon2 work.
 */
export async function loginOwner(
  options: LoginContext & { email: string; password: string; pending: PendingSecondFactorStore },
): Promise<LoginResult> {
  const { db, now } = options;
  const email = options.email.trim().toLowerCase().slice(0, 200);
  const ip = options.ip ?? 'unknown';
  const reservation = reserveAttempt(options, email);
  if ('retryAfterMs' in reservation) return { status: 'throttled', retryAfterMs: reservation.retryAfterMs };
  const { attemptId } = reservation;
  // Should anything below throw, the attempt stays pending: counted as a failure.
  const owner = await db.prisma.owner.findUnique({
    where: { id: OWNER_ID },
    select: { email: true, passwordHash: true, totpEnabledAt: true },
  });
  const isEmailRight = owner !== null && owner.email === email;
  const hashToCheck = isEmailRight && owner ? owner.passwordHash : await dummyPasswordHash();
  const isPasswordRight = await verifyPassword(hashToCheck, options.password);
  if (!owner || !isEmailRight || !isPasswordRight) {
    settleAttempt(options, attemptId, email, 'invalid_credentials');
    return { status: 'refused' };
  }
  if (owner.totpEnabledAt) {
    settleAttempt(options, attemptId, email, 'second_factor_pending');
    const pendingToken = options.pending.issue(now, { email, ip, userAgent: options.userAgent });
    return { status: 'second_factor', pendingToken };
  }
  settleAttempt(options, attemptId, email, null);
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
  const reservation = reserveAttempt(options, ticket.email);
  if ('retryAfterMs' in reservation) return { status: 'throttled', retryAfterMs: reservation.retryAfterMs };
  const method = await verifySecondFactor({ db, sealer: options.sealer, code: options.code, now });
  if (method === null) {
    pending.fail(options.pendingToken);
    settleAttempt(options, reservation.attemptId, ticket.email, 'invalid_second_factor');
    return { status: 'refused' };
  }
  pending.spend(options.pendingToken);
  settleAttempt(options, reservation.attemptId, ticket.email, null);
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
