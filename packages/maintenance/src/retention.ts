// Retention: each function deletes what is past its period and says how much, for JobRun.
import type Database from 'better-sqlite3';

const DAY_MS = 86_400_000;

export function purgeExpiredSessions(sqlite: Database.Database, now: Date, idleMs: number): number {
  return sqlite
    .prepare('DELETE FROM Session WHERE expiresAt < ? OR lastSeenAt < ?')
    .run(now.getTime(), now.getTime() - idleMs).changes;
}

export function purgeLoginAttempts(sqlite: Database.Database, now: Date, days: number): number {
  return sqlite.prepare('DELETE FROM LoginAttempt WHERE at < ?').run(now.getTime() - days * DAY_MS).changes;
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
    const deleted = sqlite
      .prepare(
        `DELETE FROM OutboxEmail WHERE status = 'sent' AND sentAt < ? AND id NOT IN (SELECT outboxId FROM LicenseResend)`,
      )
      .run(before).changes;
    const emptied = sqlite
      .prepare(
        `UPDATE OutboxEmail SET textBody = '', htmlBody = '', serverResponse = NULL WHERE status = 'sent' AND sentAt < ? AND (textBody <> '' OR htmlBody <> '')`,
      )
      .run(before).changes;
    return { deleted, emptied };
  })();
}

export function purgeRawUpdateChecks(sqlite: Database.Database, now: Date, days: number): number {
  return sqlite.prepare('DELETE FROM UpdateCheckRaw WHERE receivedAt < ?').run(now.getTime() - days * DAY_MS)
    .changes;
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
    const deleted = sqlite
      .prepare(
        `DELETE FROM WebhookEvent WHERE receivedAt < ? AND status IN ('rejected', 'failed', 'duplicate')`,
      )
      .run(before).changes;
    const emptied = sqlite
      .prepare(
        `UPDATE WebhookEvent SET payload = '', customerId = NULL WHERE receivedAt < ? AND payload <> ''`,
      )
      .run(before).changes;
    return { deleted, emptied };
  })();
}

/** Audit entries older than the period (each refused webhook adds one, so they must not pile up). */
export function purgeAuditLog(sqlite: Database.Database, now: Date, days: number): number {
  return sqlite.prepare('DELETE FROM AuditLog WHERE at < ?').run(now.getTime() - days * DAY_MS).changes;
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
