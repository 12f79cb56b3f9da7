// Part of the maintenance package's SQL home (sql/): retention's deletes and what backups ask the
// audit log, with named parameters and row shapes.
import { sql } from '@keydesk/db';

export const deleteStaleSessions = sql<never, { now: number; idleSince: number }>(
  'DELETE FROM Session WHERE expiresAt < @now OR lastSeenAt < @idleSince',
);

export const deleteLoginAttemptsBefore = sql<never, { before: number }>(
  'DELETE FROM LoginAttempt WHERE at < @before',
);

/** A resend's row stays: it is the resend history and its idempotency key. */
export const deleteSentOutboxBefore = sql<never, { before: number }>(
  `DELETE FROM OutboxEmail WHERE status = 'sent' AND sentAt < @before AND id NOT IN (SELECT outboxId FROM LicenseResend)`,
);

/** The bodies of a kept resend hold a license key. */
export const emptySentOutboxBefore = sql<never, { before: number }>(
  `UPDATE OutboxEmail SET textBody = '', htmlBody = '', serverResponse = NULL WHERE status = 'sent' AND sentAt < @before AND (textBody <> '' OR htmlBody <> '')`,
);

export const deleteRawUpdateChecksBefore = sql<never, { before: number }>(
  'DELETE FROM UpdateCheckRaw WHERE receivedAt < @before',
);

export const deleteUnprocessedWebhookEventsBefore = sql<never, { before: number }>(
  `DELETE FROM WebhookEvent WHERE receivedAt < @before AND status IN ('rejected', 'failed', 'duplicate')`,
);

/** A processed notification's payload names the customer; its row (the idempotency key) stays. */
export const emptyWebhookPayloadsBefore = sql<never, { before: number }>(
  `UPDATE WebhookEvent SET payload = '', customerId = NULL WHERE receivedAt < @before AND payload <> ''`,
);

export const deleteAuditEntriesBefore = sql<never, { before: number }>(
  'DELETE FROM AuditLog WHERE at < @before',
);

export const latestErasureAt = sql<{ at: number | null }>(
  `SELECT max(at) AS at FROM AuditLog WHERE action = 'customer.erase'`,
);
