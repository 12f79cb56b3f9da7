// The auth domain's raw SQL: login attempts (throttling) and the session list. Values are bound.
import type { Db } from '@keydesk/db';

export type LoginAttemptReason =
  | 'invalid_credentials'
  | 'invalid_second_factor'
  | 'second_factor_pending'
  | 'throttled'
  | 'unlock';

/** Reasons that count as a guess against the back-off schedule. */
export const FAILURE_REASONS = ['invalid_credentials', 'invalid_second_factor'] as const;

export function insertLoginAttempt(
  db: Db,
  row: { at: Date; ip: string; email: string; isSuccess: boolean; reason: LoginAttemptReason | null },
): void {
  db.sqlite
    .prepare('INSERT INTO LoginAttempt (at, ip, email, isSuccess, reason) VALUES (?, ?, ?, ?, ?)')
    .run(row.at.getTime(), row.ip, row.email, row.isSuccess ? 1 : 0, row.reason);
}

/** Failures for one key since its last success (or the last unlock), within the window. */
export function countRecentFailures(
  db: Db,
  key: { column: 'ip' | 'email'; value: string },
  windowStart: number,
): { failures: number; lastFailureAt: number | null } {
  // The column name comes from a two-value union, never from input.
  const column = key.column === 'ip' ? 'ip' : 'email';
  const reset = db.sqlite
    .prepare(
      `SELECT MAX(at) AS at FROM LoginAttempt
       WHERE (${column} = ? AND isSuccess = 1) OR reason = 'unlock'`,
    )
    .safeIntegers(false)
    .get(key.value) as { at: number | null };
  const since = Math.max(windowStart, reset.at ?? 0);
  const row = db.sqlite
    .prepare(
      `SELECT COUNT(*) AS failures, MAX(at) AS lastAt FROM LoginAttempt
       WHERE ${column} = ? AND at > ? AND reason IN ('invalid_credentials', 'invalid_second_factor')`,
    )
    .safeIntegers(false)
    .get(key.value, since) as { failures: number; lastAt: number | null };
  return { failures: row.failures, lastFailureAt: row.lastAt };
}

/** True when this IP has signed in to this account before, within the window. */
export function hasSignedInFrom(db: Db, ip: string, email: string, since: number): boolean {
  return (
    db.sqlite
      .prepare('SELECT 1 FROM LoginAttempt WHERE email = ? AND ip = ? AND isSuccess = 1 AND at > ? LIMIT 1')
      .get(email, ip, since) !== undefined
  );
}

const LAST_TOTP_STEP_KEY = 'auth.totpLastStep';

export function readLastTotpStep(db: Db): number | null {
  const row = db.sqlite
    .prepare('SELECT value FROM Setting WHERE key = ? AND isSecret = 0')
    .safeIntegers(false)
    .get(LAST_TOTP_STEP_KEY) as { value: string } | undefined;
  return row ? Number(row.value) : null;
}

export function writeLastTotpStep(db: Db, step: number, now: Date): void {
  db.sqlite
    .prepare(
      `INSERT INTO Setting (key, value, isSecret, updatedAt) VALUES (?, ?, 0, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updatedAt = excluded.updatedAt`,
    )
    .run(LAST_TOTP_STEP_KEY, String(step), now.getTime());
}
