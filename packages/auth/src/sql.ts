// The auth domain's raw SQL: login attempts (throttling), session checks and the session list.
// Values are bound.
import type { Db } from '@keydesk/db';

export type LoginAttemptReason =
  /** Reserved before the password or code is checked; counts as a failure until settled. */
  | 'pending'
  | 'invalid_credentials'
  | 'invalid_second_factor'
  | 'second_factor_pending'
  | 'throttled'
  | 'unlock';

/** Reasons that count as a guess against the back-off schedule. */
export const FAILURE_REASONS = ['pending', 'invalid_credentials', 'invalid_second_factor'] as const;

/** Returns the new row's id. */
export function insertLoginAttempt(
  db: Db,
  row: { at: Date; ip: string; email: string; isSuccess: boolean; reason: LoginAttemptReason | null },
): number {
  const { lastInsertRowid } = db.sqlite
    .prepare('INSERT INTO LoginAttempt (at, ip, email, isSuccess, reason) VALUES (?, ?, ?, ?, ?)')
    .run(row.at.getTime(), row.ip, row.email, row.isSuccess ? 1 : 0, row.reason);
  return Number(lastInsertRowid);
}

/** A reserved ('pending') attempt gets its outcome; null is a success. */
export function settleLoginAttempt(db: Db, id: number, reason: LoginAttemptReason | null): void {
  db.sqlite
    .prepare('UPDATE LoginAttempt SET isSuccess = ?, reason = ? WHERE id = ?')
    .run(reason === null ? 1 : 0, reason, id);
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
       WHERE ${column} = ? AND at > ? AND reason IN (${FAILURE_REASONS.map((r) => `'${r}'`).join(', ')})`,
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

export type SessionTimes = { createdAt: number; lastSeenAt: number; expiresAt: number };

/** Synchronous, so the server can tell an owner's request apart before reading its body. */
export function selectSessionTimes(db: Db, id: string): SessionTimes | undefined {
  return db.sqlite
    .prepare('SELECT createdAt, lastSeenAt, expiresAt FROM Session WHERE id = ?')
    .safeIntegers(false)
    .get(id) as SessionTimes | undefined;
}

export function deleteSessionRow(db: Db, id: string): void {
  db.sqlite.prepare('DELETE FROM Session WHERE id = ?').run(id);
}

export function writeSessionLastSeen(db: Db, id: string, at: number): void {
  db.sqlite.prepare('UPDATE Session SET lastSeenAt = ? WHERE id = ? AND lastSeenAt < ?').run(at, id, at);
}
