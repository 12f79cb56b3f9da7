// The mail package's SQL home (issue 21): the outbox, license resends and the template list, with
// named parameters and row shapes. Times are epoch milliseconds, as Prisma's adapter stores them.
import { sql } from '@keydesk/db';

/** The email itself: what is queued, claimed and handed to SMTP. */
export type OutboxMessage = {
  fromAddress: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  messageId: string;
};

type OutboxEmailValues = OutboxMessage & {
  kind: string;
  idempotencyKey: string;
  customerId: number | null;
  /** JSON object of extra headers, or null. */
  headers: string | null;
  campaignId: number | null;
  now: number;
};

/** No row back when the idempotency key is already taken. */
export const insertQueuedOutboxEmail = sql<{ id: number }, OutboxEmailValues>(
  `INSERT INTO OutboxEmail (kind, idempotencyKey, fromAddress, toAddress, subject, textBody, htmlBody, messageId, status, attempts, nextAttemptAt, customerId, headers, campaignId, createdAt)
   VALUES (@kind, @idempotencyKey, @fromAddress, @toAddress, @subject, @textBody, @htmlBody, @messageId, 'queued', 0, @now, @customerId, @headers, @campaignId, @now)
   ON CONFLICT (idempotencyKey) DO NOTHING
   RETURNING id`,
);

export const outboxIdByIdempotencyKey = sql<{ id: number }, { idempotencyKey: string }>(
  'SELECT id FROM OutboxEmail WHERE idempotencyKey = @idempotencyKey',
);

export type DueOutboxRow = OutboxMessage & {
  id: number;
  attempts: number;
  /** TEXT; only the outbox writes it, with OUTBOX_STATUSES. */
  status: string;
  headers: string | null;
  campaignId: number | null;
};

const DUE_COLUMNS =
  'id, fromAddress, toAddress, subject, textBody, htmlBody, messageId, attempts, status, headers, campaignId';

/** Emails that are not announcements (key resends, tests): never throttled, always claimed first. */
export const nextDueDirectEmail = sql<DueOutboxRow, { now: number }>(
  // Named index: without statistics the planner walked every queued announcement (60 ms a claim
  // with a 100k campaign queued); the few direct emails are found by campaignId alone.
  `SELECT ${DUE_COLUMNS} FROM OutboxEmail INDEXED BY OutboxEmail_campaignId_status_idx
   WHERE campaignId IS NULL AND status IN ('queued', 'sending') AND nextAttemptAt <= @now
   ORDER BY nextAttemptAt, id LIMIT 1`,
);

/**
 * An announcement of a campaign that is sending. The campaign's status is the one switch for
 * pause and cancel, so pausing is one write and a paused campaign's rows simply wait.
 */
export const nextDueAnnouncement = sql<DueOutboxRow, { now: number }>(
  // One status at a time, each read in (status, nextAttemptAt) index order and stopping at its first
  // row: with both statuses in one IN, SQLite sorted every queued announcement for each claim.
  `SELECT ${DUE_COLUMNS} FROM (
     SELECT * FROM (SELECT ${DUE_COLUMNS}, nextAttemptAt FROM OutboxEmail
       WHERE status = 'queued' AND nextAttemptAt <= @now
         AND campaignId IN (SELECT id FROM Campaign WHERE status = 'sending')
       ORDER BY nextAttemptAt, id LIMIT 1)
     UNION ALL
     SELECT * FROM (SELECT ${DUE_COLUMNS}, nextAttemptAt FROM OutboxEmail
       WHERE status = 'sending' AND nextAttemptAt <= @now
         AND campaignId IN (SELECT id FROM Campaign WHERE status = 'sending')
       ORDER BY nextAttemptAt, id LIMIT 1))
   ORDER BY nextAttemptAt, id LIMIT 1`,
);

/** Announcements sent (or being sent) since a moment: what the throttle has used. */
export const countAnnouncementsSince = sql<{ n: number; oldest: number | null }, { since: number }>(
  `SELECT count(*) AS n, min(sentAt) AS oldest FROM OutboxEmail WHERE kind = 'announcement' AND sentAt >= @since`,
);

/** Makes a failed email due again, as new: the owner's retry of one recipient. */
export const retryFailedOutbox = sql<never, { id: number; now: number }>(
  `UPDATE OutboxEmail SET status = 'queued', attempts = 0, nextAttemptAt = @now, lastError = NULL WHERE id = @id AND status = 'failed'`,
);

/** One email taken back before any attempt (its recipient unsubscribed meanwhile). */
export const deleteQueuedOutbox = sql<never, { id: number }>(
  `DELETE FROM OutboxEmail WHERE id = @id AND status = 'queued'`,
);

/** A cancelled campaign's emails not yet handed to SMTP. */
export const deleteQueuedOfCampaign = sql<never, { campaignId: number }>(
  `DELETE FROM OutboxEmail WHERE campaignId = @campaignId AND status = 'queued'`,
);

export const takeOutboxEmail = sql<never, { id: number; leaseUntil: number }>(
  `UPDATE OutboxEmail SET status = 'sending', attempts = attempts + 1, nextAttemptAt = @leaseUntil WHERE id = @id`,
);

export const releaseSendingOutboxEmails = sql<never, { now: number }>(
  `UPDATE OutboxEmail SET nextAttemptAt = @now WHERE status = 'sending' AND nextAttemptAt > @now`,
);

export const markOutboxEmailSent = sql<never, { id: number; sentAt: number; serverResponse: string }>(
  `UPDATE OutboxEmail SET status = 'sent', sentAt = @sentAt, serverResponse = @serverResponse, lastError = NULL WHERE id = @id AND status = 'sending'`,
);

export const requeueOutboxEmail = sql<never, { id: number; lastError: string; nextAttemptAt: number }>(
  `UPDATE OutboxEmail SET status = 'queued', lastError = @lastError, nextAttemptAt = @nextAttemptAt WHERE id = @id AND status = 'sending'`,
);

export const failOutboxEmail = sql<never, { id: number; lastError: string }>(
  `UPDATE OutboxEmail SET status = 'failed', lastError = @lastError WHERE id = @id AND status = 'sending'`,
);

/** Only an empty sender is filled: one set when the email was queued stays. */
export const fillOutboxFromAddress = sql<never, { id: number; fromAddress: string }>(
  `UPDATE OutboxEmail SET fromAddress = @fromAddress WHERE id = @id AND fromAddress = ''`,
);

export const countDueOutbox = sql<{ n: number }, { now: number }>(
  `SELECT count(*) AS n FROM OutboxEmail WHERE status IN ('queued', 'sending') AND nextAttemptAt <= @now`,
);

export const licenseResendByOutboxId = sql<
  { id: number; toAddress: string; isAlternateAddress: number },
  { outboxId: number }
>('SELECT id, toAddress, isAlternateAddress FROM LicenseResend WHERE outboxId = @outboxId');

export const insertLicenseResend = sql<
  never,
  {
    licenseId: number;
    customerId: number | null;
    toAddress: string;
    isAlternateAddress: number;
    outboxId: number;
    requestedAt: number;
  }
>(
  `INSERT INTO LicenseResend (licenseId, customerId, toAddress, isAlternateAddress, outboxId, requestedAt)
   VALUES (@licenseId, @customerId, @toAddress, @isAlternateAddress, @outboxId, @requestedAt)`,
);

export const licensedProducts = sql<{ product: string }>(
  'SELECT DISTINCT product FROM License ORDER BY product LIMIT 200',
);
