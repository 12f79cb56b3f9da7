// When each session was last used, kept in memory so the idle limit is exact without a database
// write per request. The database copy (Session.lastSeenAt) is written through at most every
// min(60 s, idle limit / 10), and whichever of the two is later counts.
//
// Assumes one server process per database file (the pid file keeps it so). A second process, or
// the same one after a restart, sees only the database copy: a session may then end up to one
// write interval early, never late.
import type { Db } from '@keydesk/db';

const MAX_WRITE_INTERVAL_MS = 60_000;
/** Entries exist only for sessions found in the database; this bounds the map all the same. */
const MAX_TRACKED_SESSIONS = 1_000;

/** In memory per session: the last request, and the stored time as this process last saw it. */
type Activity = { seenMs: number; storedMs: number };

const activityByDb = new WeakMap<Db, Map<string, Activity>>();

function activityOf(db: Db): Map<string, Activity> {
  let activity = activityByDb.get(db);
  if (!activity) {
    activity = new Map();
    activityByDb.set(db, activity);
  }
  return activity;
}

export function sessionWriteIntervalMs(idleMs: number): number {
  return Math.min(MAX_WRITE_INTERVAL_MS, Math.floor(idleMs / 10));
}

/**
 * The later of the stored time and the one in memory; but a stored time moved back since this
 * process last saw it was set by someone else on purpose (an operator, a test), and counts alone.
 */
export function lastSeenMs(db: Db, sessionId: string, storedMs: number): number {
  const activity = activityByDb.get(db)?.get(sessionId);
  if (!activity || storedMs < activity.storedMs) return storedMs;
  return Math.max(storedMs, activity.seenMs);
}

export function recordSessionSeen(db: Db, sessionId: string, seen: Activity): void {
  const activity = activityOf(db);
  // Re-inserted so the map's order is least recently used first.
  activity.delete(sessionId);
  activity.set(sessionId, seen);
  if (activity.size > MAX_TRACKED_SESSIONS) {
    const oldest = activity.keys().next().value;
    if (oldest !== undefined) activity.delete(oldest);
  }
}

export function forgetSession(db: Db, sessionId: string): void {
  activityByDb.get(db)?.delete(sessionId);
}
