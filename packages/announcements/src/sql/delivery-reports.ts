// Statements of delivery and feedback reports: which of our emails a report is about, and what it
// did to that email's campaign recipient.
import { sql } from '@keydesk/db';

export const outboxEmailByMessageId = sql<
  { id: number; toAddress: string; campaignId: number | null },
  { messageId: string }
>('SELECT id, toAddress, campaignId FROM OutboxEmail WHERE messageId = @messageId');

/** A permanent failure after SMTP accepted the email: the recipient is bounced after all. */
export const markSentRecipientBounced = sql<never, { outboxId: number; error: string }>(
  `UPDATE CampaignRecipient SET status = 'bounced', error = @error
   WHERE outboxId = @outboxId AND status IN ('queued', 'sent', 'failed')`,
);

/** A delay or a complaint leaves the recipient's status; the report is noted beside it. */
export const noteRecipientReport = sql<never, { outboxId: number; note: string }>(
  'UPDATE CampaignRecipient SET error = @note WHERE outboxId = @outboxId',
);
