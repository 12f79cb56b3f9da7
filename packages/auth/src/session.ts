import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@keydesk/db';

export type SessionPolicy = { idleMs: number; absoluteMs: number };

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

// lastSeenAt is written at most once a minute per session, so reads do not become writes.
const TOUCH_INTERVAL_MS = 60_000;

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

/** Returns the live session for a cookie token, or null (and deletes it) when idle or past its limit. */
export async function validateSession(options: {
  db: Db;
  token: string | undefined;
  now: Date;
  policy: SessionPolicy;
}): Promise<OwnerSession | null> {
  const { db, token, now, policy } = options;
  if (!token || token.length > 100) return null;
  const id = hashSessionToken(token);
  const session = await db.prisma.session.findUnique({
    where: { id },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true },
  });
  if (!session) return null;
  const isIdle = now.getTime() - session.lastSeenAt.getTime() > policy.idleMs;
  const isPastLimit = now.getTime() >= session.expiresAt.getTime();
  const isPastPolicyLimit = now.getTime() - session.createdAt.getTime() >= policy.absoluteMs;
  if (isIdle || isPastLimit || isPastPolicyLimit) {
    await db.prisma.session.deleteMany({ where: { id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.prisma.session.update({ where: { id }, data: { lastSeenAt: now } });
    return { ...session, lastSeenAt: now };
  }
  return session;
}

export async function deleteSession(options: { db: Db; sessionId: string }): Promise<void> {
  await options.db.prisma.session.deleteMany({ where: { id: options.sessionId } });
}

export async function deleteAllSessions(options: { db: Db }): Promise<number> {
  const { count } = await options.db.prisma.session.deleteMany({});
  return count;
}
