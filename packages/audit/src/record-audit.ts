import type { Db } from '@keydesk/db';

export type AuditActor = 'owner' | 'system' | 'webhook' | 'cli';

export type AuditEntryInput = {
  action: string; // dotted verb, e.g. auth.login.failed, license.resend, customer.erase
  actor: AuditActor;
  customerId?: number | null;
  targetType?: string | null;
  targetId?: string | number | null;
  ip?: string | null;
  /** Never secrets, passwords or card numbers. */
  details?: Record<string, unknown> | null;
};

const INSERT_SQL = `INSERT INTO AuditLog (at, actor, action, customerId, targetType, targetId, ip, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Appends one entry to the audit log. Synchronous on purpose: it can run inside the caller's
 * `sqlite.transaction()`, so the entry and the change it records commit together.
 */
export function recordAudit(db: Db, entry: AuditEntryInput, now: Date = new Date()): number {
  const result = db.sqlite
    .prepare(INSERT_SQL)
    .run(
      now.getTime(),
      entry.actor,
      entry.action,
      entry.customerId ?? null,
      entry.targetType ?? null,
      entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
      entry.ip ?? null,
      entry.details ? JSON.stringify(entry.details) : null,
    );
  return Number(result.lastInsertRowid);
}
