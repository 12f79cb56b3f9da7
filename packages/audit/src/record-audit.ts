import type { Db } from '@keydesk/db';
import { insertAuditEntry } from './sql.ts';

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

/**
 * Appends one entry to the audit log. Synchronous on purpose: it can run inside the caller's
 * `sqlite.transaction()`, so the entry and the change it records commit together.
 */
export function recordAudit(db: Db, entry: AuditEntryInput, now: Date = new Date()): number {
  const result = insertAuditEntry.run(db, {
    at: now.getTime(),
    actor: entry.actor,
    action: entry.action,
    customerId: entry.customerId ?? null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
    ip: entry.ip ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
  });
  return result.lastInsertRowid;
}
