// The auth package's SQL home (issue 21): login attempts (throttling), the last TOTP step, sessions
// and the owner row. Statements are declared once with named parameters and their row shapes; the
// small functions below convert what SQLite cannot hold (booleans, dates) for the callers.
import { type Db, sql } from '@keydesk/db';

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

const insertLoginAttemptSql = sql<
  never,
  { at: number; ip: string; email: string; isSuccess: number; reason: LoginAttemptReason | null }
>(
  'INSERT INTO LoginAttempt (at, ip, email, isSuccess, reason) VALUES (@at, @ip, @email, @isSuccess, @reason)',
);

const settleLoginAttemptSql = sql<
  never,
  { id: number; isSuccess: number; reason: LoginAttemptReason | null }
>('UPDATE LoginAttempt SET isSuccess = @isSuccess, reason = @reason WHERE id = @id');

/**
 * The throttle counts by IP or by email. The column name comes from this two-value union and the
 * reasons from FAILURE_REASONS, never from input, so both variants are declared up front.
 */
function failureStatements(column: 'ip' | 'email') {
  const reasons = FAILURE_REASONS.map((r) => `'${r}'`).join(', ');
  return {
    lastReset: sql<{ at: number | null }, { value: string }>(
      `SELECT MAX(at) AS at FROM LoginAttempt
       WHERE (${column} = @value AND isSuccess = 1) OR reason = 'unlock'`,
    ),
    failures: sql<{ failures: number; lastAt: number | null }, { value: string; since: number }>(
      `SELECT COUNT(*) AS failures, MAX(at) AS lastAt FROM LoginAttempt
       WHERE ${column} = @value AND at > @since AND reason IN (${reasons})`,
    ),
  };
}
const FAILURES_BY = { ip: failureStatements('ip'), email: failureStatements('email') };

const signedInFrom = sql<{ found: number }, { email: string; ip: string; since: number }>(
  'SELECT 1 AS found FROM LoginAttempt WHERE email = @email AND ip = @ip AND isSuccess = 1 AND at > @since LIMIT 1',
);

/** Returns the new row's id. */
export function insertLoginAttempt(
  db: Db,
  row: { at: Date; ip: string; email: string; isSuccess: boolean; reason: LoginAttemptReason | null },
): number {
  return insertLoginAttemptSql.run(db, {
    at: row.at.getTime(),
    ip: row.ip,
    email: row.email,
    isSuccess: row.isSuccess ? 1 : 0,
    reason: row.reason,
  }).lastInsertRowid;
}

/** A reserved ('pending') attempt gets its outcome; null is a success. */
export function settleLoginAttempt(db: Db, id: number, reason: LoginAttemptReason | null): void {
  settleLoginAttemptSql.run(db, { id, isSuccess: reason === null ? 1 : 0, reason });
}

/** Failures for one key since its last success (or the last unlock), within the window. */
export function countRecentFailures(
  db: Db,
  key: { column: 'ip' | 'email'; value: string },
  windowStart: number,
): { failures: number; lastFailureAt: number | null } {
  const statements = FAILURES_BY[key.column === 'ip' ? 'ip' : 'email'];
  const reset = statements.lastReset.get(db, { value: key.value });
  const since = Math.max(windowStart, reset?.at ?? 0);
  const row = statements.failures.get(db, { value: key.value, since });
  return { failures: row?.failures ?? 0, lastFailureAt: row?.lastAt ?? null };
}

/** True when this IP has signed in to this account before, within the window. */
export function hasSignedInFrom(db: Db, ip: string, email: string, since: number): boolean {
  return signedInFrom.get(db, { email, ip, since }) !== undefined;
}

const LAST_TOTP_STEP_KEY = 'auth.totpLastStep';

const plainSetting = sql<{ value: string }, { key: string }>(
  'SELECT value FROM Setting WHERE key = @key AND isSecret = 0',
);
const upsertPlainSetting = sql<never, { key: string; value: string; updatedAt: number }>(
  `INSERT INTO Setting (key, value, isSecret, updatedAt) VALUES (@key, @value, 0, @updatedAt)
   ON CONFLICT (key) DO UPDATE SET value = excluded.value, updatedAt = excluded.updatedAt`,
);

export function readLastTotpStep(db: Db): number | null {
  const row = plainSetting.get(db, { key: LAST_TOTP_STEP_KEY });
  return row ? Number(row.value) : null;
}

export function writeLastTotpStep(db: Db, step: number, now: Date): void {
  upsertPlainSetting.run(db, { key: LAST_TOTP_STEP_KEY, value: String(step), updatedAt: now.getTime() });
}

export type SessionTimes = { createdAt: number; lastSeenAt: number; expiresAt: number };

const sessionTimes = sql<SessionTimes, { id: string }>(
  'SELECT createdAt, lastSeenAt, expiresAt FROM Session WHERE id = @id',
);
export const deleteSession = sql<never, { id: string }>('DELETE FROM Session WHERE id = @id');
export const deleteSessionsExcept = sql<never, { id: string }>('DELETE FROM Session WHERE id <> @id');
export const deleteAllSessions = sql('DELETE FROM Session');
/** A session is named to the browser by a 16-character handle, never its stored id. */
export const deleteSessionByHandle = sql<never, { handle: string }>(
  'DELETE FROM Session WHERE substr(id, 1, 16) = @handle',
);
const touchSession = sql<never, { id: string; at: number }>(
  'UPDATE Session SET lastSeenAt = @at WHERE id = @id AND lastSeenAt < @at',
);

/** Synchronous, so the server can tell an owner's request apart before reading its body. */
export function selectSessionTimes(db: Db, id: string): SessionTimes | undefined {
  return sessionTimes.get(db, { id });
}

export function deleteSessionRow(db: Db, id: string): void {
  deleteSession.run(db, { id });
}

export function writeSessionLastSeen(db: Db, id: string, at: number): void {
  touchSession.run(db, { id, at });
}

export const updateOwnerPassword = sql<
  never,
  { id: number; passwordHash: string; passwordChangedAt: number; updatedAt: number }
>(
  'UPDATE Owner SET passwordHash = @passwordHash, passwordChangedAt = @passwordChangedAt, updatedAt = @updatedAt WHERE id = @id',
);

export const enableOwnerTotp = sql<
  never,
  { id: number; totpEnabledAt: number; recoveryCodeHashes: string; updatedAt: number }
>(
  'UPDATE Owner SET totpEnabledAt = @totpEnabledAt, recoveryCodeHashes = @recoveryCodeHashes, updatedAt = @updatedAt WHERE id = @id',
);

export const updateOwnerRecoveryCodes = sql<
  never,
  { id: number; recoveryCodeHashes: string; updatedAt: number }
>('UPDATE Owner SET recoveryCodeHashes = @recoveryCodeHashes, updatedAt = @updatedAt WHERE id = @id');

export const disableOwnerTotp = sql<never, { id: number; updatedAt: number }>(
  'UPDATE Owner SET totpSecretEnc = NULL, totpEnabledAt = NULL, recoveryCodeHashes = NULL, updatedAt = @updatedAt WHERE id = @id',
);
