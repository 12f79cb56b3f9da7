// Retention: each function deletes what is past its period and says how much, for JobRun.
import type { Sql } from '@keydesk/db';
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

type BeforeStatement = Sql<never, { before: number }>;

function deleteOlderThan(
  statement: BeforeStatement,
  sqlite: Database.Database,
  now: Date,
  days: number,
): number {
  return statement.run(sqlite, { before: now.getTime() - days * DAY_MS }).changes;
}

/** One transaction, so a row is never deleted by one cutoff and emptied by another. */
function deleteAndEmptyOlderThan(
  remove: BeforeStatement,
  empty: BeforeStatement,
  sqlite: Database.Database,
  now: Date,
  days: number,
): { deleted: number; emptied: number } {
  return sqlite.transaction(() => ({
    deleted: deleteOlderThan(remove, sqlite, now, days),
    emptied: deleteOlderThan(empty, sqlite, now, days),
  }))();
}

export function purgeExpiredSessions(sqlite: Database.Database, now: Date, idleMs: number): number {
  return deleteStaleSessions.run(sqlite, { now: now.getTime(), idleSince: now.getTime() - idleMs }).changes;
}

export function purgeLoginAttempts(sqlite: Database.Database, now: Date, days: number): number {
  return deleteOlderThan(deleteLoginAttemptsBefore, sqlite, now, days);
}

/**
 * Sent mail older than the period: a resend's row stays (it is the resend history and its
 * idempotency key) but its bodies, which hold a license key, are emptied; other mail goes.
 */
export function purgeSentOutbox(sqlite: Database.Database, now: Date, days: number) {
  return deleteAndEmptyOlderThan(deleteSentOutboxBefore, emptySentOutboxBefore, sqlite, now, days);
}

export function purgeRawUpdateChecks(sqlite: Database.Database, now: Date, days: number): number {
  return deleteOlderThan(deleteRawUpdateChecksBefore, sqlite, now, days);
}

/**
 * Webhook requests older than the period: refused and duplicate ones go; a processed
 * notification keeps its row (its idempotency key still stops a late resend from applying twice)
 * but loses its payload, which names the customer.
 */
export function purgeWebhookEvents(sqlite: Database.Database, now: Date, days: number) {
  return deleteAndEmptyOlderThan(
    deleteUnprocessedWebhookEventsBefore,
    emptyWebhookPayloadsBefore,
    sqlite,
    now,
    days,
  );
}

/** Audit entries older than the period (each refused webhook adds one, so they must not pile up). */
export function purgeAuditLog(sqlite: Database.Database, now: Date, days: number): number {
  return deleteOlderThan(deleteAuditEntriesBefore, sqlite, now, days);
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
