import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
import { lastSeenMs, sessionWriteIntervalMs } from './session-activity.ts';
import { deleteAllSessions, deleteSession, deleteSessionByHandle, deleteSessionsExcept } from './sql.ts';
import { describeUserAgent } from './user-agent.ts';

/** The browser sees a short handle, not the stored hash, to name a session it may revoke. */
export function sessionHandle(sessionId: string): string {
  return sessionId.slice(0, 16);
}

const sessionListSelect = {
  id: true,
  createdAt: true,
  lastSeenAt: true,
  ip: true,
  userAgent: true,
} as const;

export async function findSessions(options: { db: Db; currentSessionId: string; now: Date; idleMs: number }) {
  const { db, now, idleMs } = options;
  // The stored lastSeenAt may lag the one in memory by a write interval: widen, then decide in memory.
  const rows = await db.prisma.session.findMany({
    where: {
      expiresAt: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - idleMs - sessionWriteIntervalMs(idleMs)) },
    },
    select: sessionListSelect,
    take: 200,
  });
  return rows
    .map((row) => ({ ...row, lastSeenAt: new Date(lastSeenMs(db, row.id, row.lastSeenAt.getTime())) }))
    .filter((row) => now.getTime() - row.lastSeenAt.getTime() <= idleMs)
    .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime() || (a.id < b.id ? -1 : 1))
    .slice(0, 100)
    .map((row) => ({
      id: sessionHandle(row.id),
      browser: describeUserAgent(row.userAgent),
      ip: row.ip,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      isCurrent: row.id === options.currentSessionId,
    }));
}

/** Ends one session by its handle; true when one was found. */
export function revokeSession(options: { db: Db; handle: string; now: Date; ip: string | null }): boolean {
  const { db, now } = options;
  return db.sqlite.transaction(() => {
    const { changes } = deleteSessionByHandle.run(db, { handle: options.handle });
    if (changes > 0)
      recordAudit(
        db,
        {
          action: 'auth.session.revoke',
          actor: 'owner',
          ip: options.ip,
          targetType: 'session',
          targetId: options.handle,
        },
        now,
      );
    return changes > 0;
  })();
}

/** "Sign out everywhere": every session ends, this one too. */
export function revokeAllSessions(options: {
  db: Db;
  now: Date;
  ip: string | null;
  actor: 'owner' | 'cli';
  exceptSessionId?: string;
}): number {
  const { db, now } = options;
  return db.sqlite.transaction(() => {
    const { changes } = options.exceptSessionId
      ? deleteSessionsExcept.run(db, { id: options.exceptSessionId })
      : deleteAllSessions.run(db);
    recordAudit(
      db,
      {
        action: 'auth.session.revoke_all',
        actor: options.actor,
        ip: options.ip,
        details: { count: changes },
      },
      now,
    );
    return changes;
  })();
}

export function logoutSession(options: { db: Db; sessionId: string; now: Date; ip: string | null }): void {
  const { db, now } = options;
  db.sqlite.transaction(() => {
    deleteSession.run(db, { id: options.sessionId });
    recordAudit(db, { action: 'auth.logout', actor: 'owner', ip: options.ip }, now);
  })();
}
