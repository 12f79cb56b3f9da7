// The outbox's states and moves; its statements are in sql.ts. Times are epoch milliseconds, as
// Prisma's adapter stores them.
import type { Db } from '@keydesk/db';
import {
  countDueOutbox,
  failOutboxEmail,
  fillOutboxFromAddress,
  insertQueuedOutboxEmail,
  markOutboxEmailSent,
  nextDueOutboxEmail,
  outboxIdByIdempotencyKey,
  releaseSendingOutboxEmails,
  requeueOutboxEmail,
  takeOutboxEmail,
} from './sql.ts';

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export type NewOutboxEmail = {
  kind: 'license_resend' | 'test';
  idempotencyKey: string;
  fromAddress: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  messageId: string;
  customerId: number | null;
};

export type ClaimedOutboxEmail = {
  id: number;
  fromAddress: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  messageId: string;
  attempts: number;
  /** The status it had when claimed: "sending" means an earlier attempt never finished. */
  previousStatus: OutboxStatus;
};

/** Inserts one queued email; on a repeated idempotency key returns the existing row's id instead. */
export function insertOutboxEmail(db: Db, email: NewOutboxEmail, now: Date): { id: number; isNew: boolean } {
  const inserted = insertQueuedOutboxEmail.get(db, { ...email, now: now.getTime() });
  if (inserted) return { id: inserted.id, isNew: true };
  const existing = outboxIdByIdempotencyKey.get(db, { idempotencyKey: email.idempotencyKey });
  // The insert just met this key, inside the caller's transaction.
  if (!existing) throw new Error(`Outbox email ${email.idempotencyKey} is neither new nor stored.`);
  return { id: existing.id, isNew: false };
}

/**
 * Takes the next due email and marks it "sending" with a lease. IMMEDIATE takes the write lock
 * before reading, so two senders (even in two processes) never take the same row. A "sending" row
 * whose lease ran out was interrupted mid-attempt and is due again.
 */
export function claimNextOutboxEmail(db: Db, now: Date, leaseMs: number): ClaimedOutboxEmail | null {
  const claim = db.sqlite.transaction(() => {
    const row = nextDueOutboxEmail.get(db, { now: now.getTime() });
    if (!row) return null;
    takeOutboxEmail.run(db, { id: row.id, leaseUntil: now.getTime() + leaseMs });
    const { status, ...email } = row;
    return { ...email, attempts: email.attempts + 1, previousStatus: toOutboxStatus(status) };
  });
  return claim.immediate();
}

/**
 * Makes every email left in "sending" due now. Only for a server starting with no other server on
 * this database: such a row was interrupted by the previous process's death, so waiting out its
 * lease would only delay the email. Returns how many were released.
 */
export function releaseInterruptedOutboxEmails(db: Db, now: Date): number {
  return releaseSendingOutboxEmails.run(db, { now: now.getTime() }).changes;
}

export function markOutboxSent(db: Db, id: number, serverResponse: string, now: Date): void {
  markOutboxEmailSent.run(db, { id, sentAt: now.getTime(), serverResponse });
}

export function markOutboxRetry(db: Db, id: number, reason: string, nextAttemptAt: Date): void {
  requeueOutboxEmail.run(db, { id, lastError: reason, nextAttemptAt: nextAttemptAt.getTime() });
}

export function markOutboxFailed(db: Db, id: number, reason: string): void {
  failOutboxEmail.run(db, { id, lastError: reason });
}

/** Fills the sender of emails queued before SMTP was configured. */
export function setOutboxFromAddress(db: Db, id: number, fromAddress: string): void {
  fillOutboxFromAddress.run(db, { id, fromAddress });
}

export function countDueOutboxEmails(db: Db, now: Date): number {
  return countDueOutbox.get(db, { now: now.getTime() })?.n ?? 0;
}

/** The column is TEXT (SQLite has no enums); only this module writes it, with these four values. */
export function toOutboxStatus(value: string): OutboxStatus {
  return (OUTBOX_STATUSES as readonly string[]).includes(value) ? (value as OutboxStatus) : 'failed';
}
