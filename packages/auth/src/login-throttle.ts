import type { Db } from '@keydesk/db';
import { countRecentFailures, hasSignedInFrom } from './sql.ts';

/** After `freeFailures` wrong guesses, each further guess waits base · 2ⁿ after the last one, up to max. */
export type BackoffSchedule = {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
};

export type ThrottlePolicy = {
  account: BackoffSchedule;
  ip: BackoffSchedule;
  /** An IP the owner signed in from within this time skips the account back-off (not its own). */
  knownIpMs: number;
};

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  account: { freeFailures: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, windowMs: 24 * 3_600_000 },
  ip: { freeFailures: 10, baseDelayMs: 1_000, maxDelayMs: 60 * 60_000, windowMs: 24 * 3_600_000 },
  knownIpMs: 30 * 86_400_000,
};

export function backoffDelayMs(failures: number, schedule: BackoffSchedule): number {
  if (failures < schedule.freeFailures) return 0;
  const exponent = Math.min(failures - schedule.freeFailures, 40);
  return Math.min(schedule.maxDelayMs, schedule.baseDelayMs * 2 ** exponent);
}

function retryAt(
  db: Db,
  key: { column: 'ip' | 'email'; value: string },
  schedule: BackoffSchedule,
  now: Date,
) {
  const { failures, lastFailureAt } = countRecentFailures(db, key, now.getTime() - schedule.windowMs);
  if (lastFailureAt === null) return 0;
  const delay = backoffDelayMs(failures, schedule);
  return delay === 0 ? 0 : lastFailureAt + delay;
}

/**
 * How long this attempt must still wait, in ms (0: it may go ahead). Counted from LoginAttempt
 * rows, so a restart forgets nothing. A wrong email is throttled like the right one, so the
 * answer reveals nothing about which emails exist.
 */
export function loginRetryAfterMs(options: {
  db: Db;
  ip: string;
  email: string;
  now: Date;
  policy?: ThrottlePolicy;
}): number {
  const { db, ip, email, now } = options;
  const policy = options.policy ?? DEFAULT_THROTTLE_POLICY;
  const ipRetry = retryAt(db, { column: 'ip', value: ip }, policy.ip, now);
  const isKnownIp = hasSignedInFrom(db, ip, email, now.getTime() - policy.knownIpMs);
  const accountRetry = isKnownIp ? 0 : retryAt(db, { column: 'email', value: email }, policy.account, now);
  return Math.max(0, Math.max(ipRetry, accountRetry) - now.getTime());
}
