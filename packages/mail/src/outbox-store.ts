// The outbox's states and moves; its statements are in sql.ts. Times are epoch milliseconds, as
// Prisma's adapter stores them.
import { type Db, isOneOf } from '@keydesk/db';
import {
  countAnnouncementsSince,
  countDueOutbox,
  type DueOutboxRow,
  deleteQueuedOfCampaign,
  deleteQueuedOutbox,
  failOutboxEmail,
  fillOutboxFromAddress,
  insertQueuedOutboxEmail,
  markOutboxEmailSent,
  nextDueAnnouncement,
  nextDueDirectEmail,
  type OutboxMessage,
  outboxIdByIdempotencyKey,
  releaseSendingOutboxEmails,
  requeueOutboxEmail,
  retryFailedOutbox,
  takeOutboxEmail,
} from './sql.ts';

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export type NewOutboxEmail = OutboxMessage & {
  kind: 'license_resend' | 'test' | 'announcement';
  idempotencyKey: string;
  customerId: number | null;
  /** Extra headers sent as given (List-Unsubscribe); names and values are one line each. */
  headers?: Record<string, string> | null;
  campaignId?: number | null;
};

/** A due row with its status and headers read: see toClaimed. */
export type ClaimedOutboxEmail = Omit<DueOutboxRow, 'status' | 'headers'> & {
  /** The status it had when claimed: "sending" means an earlier attempt never finished. */
  previousStatus: OutboxStatus;
  headers: Record<string, string>;
};

/** Inserts one queued email; on a repeated idempotency key returns the existing row's id instead. */
export function insertOutboxEmail(db: Db, email: NewOutboxEmail, now: Date): { id: number; isNew: boolean } {
  const inserted = insertQueuedOutboxEmail.get(db, {
    ...email,
    headers: email.headers ? JSON.stringify(email.headers) : null,
    campaignId: email.campaignId ?? null,
    now: now.getTime(),
  });
  if (inserted) return { id: inserted.id, isNew: true };
  const existing = outboxIdByIdempotencyKey.get(db, { idempotencyKey: email.idempotencyKey });
  // The insert just met this key, inside the caller's transaction.
  if (!existing) throw new Error(`Outbox email ${email.idempotencyKey} is neither new nor stored.`);
  return { id: existing.id, isNew: false };
}

/**
 * Takes the next due email and marks it "sending" with a lease. IMMEDIATE takes the write lock
 * before reading, so two senders (even in two processes) never take the same row. A "sending" row
 * whose lease ran out was interrupted mid-attempt and is due again. Key resends and tests come
 * before any announcement, so a campaign never delays a customer's key; announcements are taken
 * only while `mayAnnounce` (the throttle has room).
 */
export function claimNextOutboxEmail(
  db: Db,
  now: Date,
  leaseMs: number,
  options: { mayAnnounce: boolean } = { mayAnnounce: true },
): ClaimedOutboxEmail | null {
  const claim = db.sqlite.transaction(() => {
    const at = { now: now.getTime() };
    const row =
      nextDueDirectEmail.get(db, at) ?? (options.mayAnnounce ? nextDueAnnouncement.get(db, at) : undefined);
    if (!row) return null;
    takeOutboxEmail.run(db, { id: row.id, leaseUntil: now.getTime() + leaseMs });
    return toClaimed(row);
  });
  return claim.immediate();
}

function toClaimed(row: DueOutboxRow): ClaimedOutboxEmail {
  const { status, headers, ...email } = row;
  return {
    ...email,
    attempts: email.attempts + 1,
    previousStatus: toOutboxStatus(status),
    headers: parseHeaders(headers),
  };
}

/** Only the outbox writes the column, from a Record<string, string>; anything else is dropped. */
function parseHeaders(text: string | null): Record<string, string> {
  if (!text) return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null) return {};
  return Object.fromEntries(
    Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

export type AnnouncementThrottle = { perSecond: number; perHour: number };

/**
 * How long until the throttle lets another announcement go: 0 when it may go now. Counted from
 * the sent rows themselves, so a restart does not reset the hour.
 */
export function announcementWaitMs(
  db: Db,
  now: Date,
  throttle: AnnouncementThrottle,
  /** Announcements handed to SMTP and not yet sent: they count against the throttle too. */
  inFlight = 0,
): number {
  const t = now.getTime();
  const windows = [
    { ms: 1_000, limit: throttle.perSecond },
    { ms: 3_600_000, limit: throttle.perHour },
  ];
  let wait = 0;
  for (const { ms, limit } of windows) {
    const used = countAnnouncementsSince.get(db, { since: t - ms + 1 });
    if (used && used.n + inFlight >= limit) wait = Math.max(wait, (used.oldest ?? t) + ms - t);
  }
  return wait;
}

/** The owner's retry of one failed email: due now, counted from its first attempt again. */
export function retryFailedOutboxEmail(db: Db, id: number, now: Date): boolean {
  return retryFailedOutbox.run(db, { id, now: now.getTime() }).changes > 0;
}

/** Takes back one email no attempt has started; false when it is already on its way. */
export function withdrawQueuedOutboxEmail(db: Db, id: number): boolean {
  return deleteQueuedOutbox.run(db, { id }).changes > 0;
}

/** Removes a cancelled campaign's emails that no attempt has started; returns how many. */
export function deleteQueuedCampaignEmails(db: Db, campaignId: number): number {
  return deleteQueuedOfCampaign.run(db, { campaignId }).changes;
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
  return isOneOf(OUTBOX_STATUSES, value) ? value : 'failed';
}
