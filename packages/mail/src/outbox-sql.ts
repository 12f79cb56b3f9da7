// Every raw statement on OutboxEmail. Times are epoch milliseconds, as Prisma's adapter stores them.
import type { Db } from '@keydesk/db';

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
  const inserted = db.sqlite
    .prepare(
      `INSERT INTO OutboxEmail (kind, idempotencyKey, fromAddress, toAddress, subject, textBody, htmlBody, messageId, status, attempts, nextAttemptAt, customerId, createdAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)
       ON CONFLICT (idempotencyKey) DO NOTHING
       RETURNING id`,
    )
    .safeIntegers(false)
    .get(
      email.kind,
      email.idempotencyKey,
      email.fromAddress,
      email.toAddress,
      email.subject,
      email.textBody,
      email.htmlBody,
      email.messageId,
      now.getTime(),
      email.customerId,
      now.getTime(),
    ) as { id: number } | undefined;
  if (inserted) return { id: inserted.id, isNew: true };
  const existing = db.sqlite
    .prepare('SELECT id FROM OutboxEmail WHERE idempotencyKey = ?')
    .safeIntegers(false)
    .get(email.idempotencyKey) as { id: number };
  return { id: existing.id, isNew: false };
}

/**
 * Takes the next due email and marks it "sending" with a lease. IMMEDIATE takes the write lock
 * before reading, so two senders (even in two processes) never take the same row. A "sending" row
 * whose lease ran out was interrupted mid-attempt and is due again.
 */
export function claimNextOutboxEmail(db: Db, now: Date, leaseMs: number): ClaimedOutboxEmail | null {
  const pick = db.sqlite
    .prepare(
      `SELECT id, fromAddress, toAddress, subject, textBody, htmlBody, messageId, attempts, status
       FROM OutboxEmail
       WHERE status IN ('queued', 'sending') AND nextAttemptAt <= ?
       ORDER BY nextAttemptAt, id LIMIT 1`,
    )
    .safeIntegers(false);
  const take = db.sqlite.prepare(
    `UPDATE OutboxEmail SET status = 'sending', attempts = attempts + 1, nextAttemptAt = ? WHERE id = ?`,
  );
  const claim = db.sqlite.transaction(() => {
    const row = pick.get(now.getTime()) as
      | (Omit<ClaimedOutboxEmail, 'previousStatus'> & { status: OutboxStatus })
      | undefined;
    if (!row) return null;
    take.run(now.getTime() + leaseMs, row.id);
    const { status, ...email } = row;
    return { ...email, attempts: email.attempts + 1, previousStatus: status };
  });
  return claim.immediate();
}

/**
 * Makes every email left in "sending" due now. Only for a server starting with no other server on
 * this database: such a row was interrupted by the previous process's death, so waiting out its
 * lease would only delay the email. Returns how many were released.
 */
export function releaseInterruptedOutboxEmails(db: Db, now: Date): number {
  return db.sqlite
    .prepare(`UPDATE OutboxEmail SET nextAttemptAt = ? WHERE status = 'sending' AND nextAttemptAt > ?`)
    .run(now.getTime(), now.getTime()).changes;
}

export function markOutboxSent(db: Db, id: number, serverResponse: string, now: Date): void {
  db.sqlite
    .prepare(
      `UPDATE OutboxEmail SET status = 'sent', sentAt = ?, serverResponse = ?, lastError = NULL WHERE id = ? AND status = 'sending'`,
    )
    .run(now.getTime(), serverResponse, id);
}

export function markOutboxRetry(db: Db, id: number, reason: string, nextAttemptAt: Date): void {
  db.sqlite
    .prepare(
      `UPDATE OutboxEmail SET status = 'queued', lastError = ?, nextAttemptAt = ? WHERE id = ? AND status = 'sending'`,
    )
    .run(reason, nextAttemptAt.getTime(), id);
}

export function markOutboxFailed(db: Db, id: number, reason: string): void {
  db.sqlite
    .prepare(`UPDATE OutboxEmail SET status = 'failed', lastError = ? WHERE id = ? AND status = 'sending'`)
    .run(reason, id);
}

/** Fills the sender of emails queued before SMTP was configured. */
export function setOutboxFromAddress(db: Db, id: number, fromAddress: string): void {
  db.sqlite
    .prepare(`UPDATE OutboxEmail SET fromAddress = ? WHERE id = ? AND fromAddress = ''`)
    .run(fromAddress, id);
}

export function countDueOutboxEmails(db: Db, now: Date): number {
  const row = db.sqlite
    .prepare(
      `SELECT count(*) AS n FROM OutboxEmail WHERE status IN ('queued', 'sending') AND nextAttemptAt <= ?`,
    )
    .safeIntegers(false)
    .get(now.getTime()) as { n: number };
  return row.n;
}

/** The column is TEXT (SQLite has no enums); only this module writes it, with these four values. */
export function toOutboxStatus(value: string): OutboxStatus {
  return (OUTBOX_STATUSES as readonly string[]).includes(value) ? (value as OutboxStatus) : 'failed';
}
