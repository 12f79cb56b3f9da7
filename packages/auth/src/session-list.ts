import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
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
  const rows = await options.db.prisma.session.findMany({
    where: {
      expiresAt: { gt: options.now },
      lastSeenAt: { gt: new Date(options.now.getTime() - options.idleMs) },
    },
    select: sessionListSelect,
    orderBy: [{ lastSeenAt: 'desc' }, { id: 'asc' }],
    take: 100,
  });
  return rows.map((row) => ({
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
    const { changes } = db.sqlite
      .prepare('DELETE FROM Session WHERE substr(id, 1, 16) = ?')
      .run(options.handle);
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
      ? db.sqlite.prepare('DELETE FROM Session WHERE id <> ?').run(options.exceptSessionId)
      : db.sqlite.prepare('DELETE FROM Session').run();
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
    db.sqlite.prepare('DELETE FROM Session WHERE id = ?').run(options.sessionId);
    recordAudit(db, { action: 'auth.logout', actor: 'owner', ip: options.ip }, now);
  })();
}
