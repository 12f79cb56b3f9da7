import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@keydesk/db';
import { forgetSession, lastSeenMs, recordSessionSeen, sessionWriteIntervalMs } from './session-activity.ts';
import { deleteSessionRow, selectSessionTimes, writeSessionLastSeen } from './sql.ts';

export type SessionPolicy = { idleMs: number; absoluteMs: number };

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

export type OwnerSession = { id: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date };

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A random 256-bit token for the cookie; only its hash is stored. */
export async function createSession(options: {
  db: Db;
  now: Date;
  policy: SessionPolicy;
  ip?: string | null;
  userAgent?: string | null;
}): Promise<{ token: string; session: OwnerSession }> {
  const token = randomBytes(32).toString('base64url');
  const session = await options.db.prisma.session.create({
    data: {
      id: hashSessionToken(token),
      createdAt: options.now,
      lastSeenAt: options.now,
      expiresAt: new Date(options.now.getTime() + options.policy.absoluteMs),
      ip: options.ip ?? null,
      userAgent: options.userAgent?.slice(0, 300) ?? null,
    },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true },
  });
  return { token, session };
}

/**
 * The live session for a cookie token, or null (and the session is deleted) when it is idle or past
 * its limit. Synchronous: the server calls it before reading a request's body, to pick the limit.
 */
export function validateSessionNow(options: {
  db: Db;
  token: string | undefined;
  now: Date;
  policy: SessionPolicy;
}): OwnerSession | null {
  const { db, token, policy } = options;
  if (!token || token.length > 100) return null;
  const id = hashSessionToken(token);
  const row = selectSessionTimes(db, id);
  if (!row) {
    forgetSession(db, id);
    return null;
  }
  const now = options.now.getTime();
  const seenMs = lastSeenMs(db, id, row.lastSeenAt);
  const isIdle = now - seenMs > policy.idleMs;
  const isPastLimit = now >= row.expiresAt;
  const isPastPolicyLimit = now - row.createdAt >= policy.absoluteMs;
  if (isIdle || isPastLimit || isPastPolicyLimit) {
    deleteSessionRow(db, id);
    forgetSession(db, id);
    return null;
  }
  const isWriteDue = now - row.lastSeenAt >= sessionWriteIntervalMs(policy.idleMs);
  if (isWriteDue) writeSessionLastSeen(db, id, now);
  recordSessionSeen(db, id, { seenMs: now, storedMs: isWriteDue ? now : row.lastSeenAt });
  return {
    id,
    createdAt: new Date(row.createdAt),
    lastSeenAt: new Date(Math.max(seenMs, now)),
    expiresAt: new Date(row.expiresAt),
  };
}

/** validateSessionNow for callers that await. */
export async function validateSession(options: {
  db: Db;
  token: string | undefined;
  now: Date;
  policy: SessionPolicy;
}): Promise<OwnerSession | null> {
  return validateSessionNow(options);
}

export async function deleteSession(options: { db: Db; sessionId: string }): Promise<void> {
  forgetSession(options.db, options.sessionId);
  await options.db.prisma.session.deleteMany({ where: { id: options.sessionId } });
}

export async function deleteAllSessions(options: { db: Db }): Promise<number> {
  const { count } = await options.db.prisma.session.deleteMany({});
  return count;
}
