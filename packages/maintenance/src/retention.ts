// Retention: each function deletes what is past its period and says how much, for JobRun.
import type Database from 'better-sqlite3';
import {
  deleteAuditEntriesBefore,
  deleteLoginAttemptsBefore,
  deleteRawUpdateChecksBefore,
  deleteSentOutboxBefore,
  deleteStaleSessions,
  deleteUnprocessedWebhookEventsBefore,
  emptySentOutboxBefore,
  emptyWebhookPayloadsBefore,
} from './sql/retention.ts';

const DAY_MS = 86_400_000;

export function purgeExpiredSessions(sqlite: Database.Database, now: Date, idleMs: number): number {
  return deleteStaleSessions.run(sqlite, { now: now.getTime(), idleSince: now.getTime() - idleMs }).changes;
}

export function purgeLoginAttempts(sqlite: Database.Database, now: Date, days: number): number {
  return deleteLoginAttemptsBefore.run(sqlite, { before: now.getTime() - days * DAY_MS }).changes;
}

/**
 * Sent mail older than the period: a resend's row stays (it is the resend history and its
 * idempotency key) but its bodies, which hold a license key, are emptied; other mail goes.
 */
export function purgeSentOutbox(
  sqlite: Database.Database,
  now: Date,
  days: number,
): { deleted: number; emptied: number } {
  const before = now.getTime() - days * DAY_MS;
  return sqlite.transaction(() => {
    const deleted = deleteSentOutboxBefore.run(sqlite, { before }).changes;
    const emptied = emptySentOutboxBefore.run(sqlite, { before }).changes;
    return { deleted, emptied };
  })();
}

export function purgeRawUpdateChecks(sqlite: Database.Database, now: Date, days: number): number {
  return deleteRawUpdateChecksBefore.run(sqlite, { before: now.getTime() - days * DAY_MS }).changes;
}

/**
 * Webhook requests older than the period: refused and duplicate ones go; a processed
 * notification keeps its row (its idempotency key still stops a late resend from applying twice)
 * but loses its payload, which names the customer.
 */
export function purgeWebhookEvents(
  sqlite: Database.Database,
  now: Date,
  days: number,
): { deleted: number; emptied: number } {
  const before = now.getTime() - days * DAY_MS;
  return sqlite.transaction(() => {
    const deleted = deleteUnprocessedWebhookEventsBefore.run(sqlite, { before }).changes;
    const emptied = emptyWebhookPayloadsBefore.run(sqlite, { before }).changes;
    return { deleted, emptied };
  })();
}

/** Audit entries older than the period (each refused webhook adds one, so they must not pile up). */
export function purgeAuditLog(sqlite: Database.Database, now: Date, days: number): number {
  return deleteAuditEntriesBefore.run(sqlite, { before: now.getTime() - days * DAY_MS }).changes;
}

/**
 * VACUUM rewrites the whole file and blocks the connection meanwhile, so only when free pages
 * are a real share of it; PRAGMA optimize (cheap) always.
 */
export function vacuumIfWorthwhile(
  sqlite: Database.Database,
  minFreeRatio = 0.2,
): { pages: number; freePages: number; isVacuumed: boolean } {
  const pages = Number(sqlite.pragma('page_count', { simple: true }));
  const freePages = Number(sqlite.pragma('freelist_count', { simple: true }));
  const isVacuumed = pages > 0 && freePages / pages >= minFreeRatio && freePages > 64;
  if (isVacuumed) {
    sqlite.exec('VACUUM');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }
  sqlite.pragma('optimize');
  return { pages, freePages, isVacuumed };
}
