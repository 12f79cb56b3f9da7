// Statements of campaigns and their recipients. Times are epoch milliseconds, as Prisma's adapter
// stores them.
import { sql } from '@keydesk/db';

/** What the owner writes in a draft; audience is the rules' JSON. */
type CampaignContent = {
  name: string;
  topic: string;
  audience: string;
  subject: string;
  textBody: string;
  htmlBody: string;
};

export type CampaignRow = CampaignContent & {
  id: number;
  status: string;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
};

const CAMPAIGN_COLUMNS =
  'id, name, topic, audience, subject, textBody, htmlBody, status, createdAt, updatedAt, startedAt, finishedAt';

export const insertCampaign = sql<never, CampaignContent & { now: number }>(
  `INSERT INTO Campaign (name, topic, audience, subject, textBody, htmlBody, status, createdAt, updatedAt)
   VALUES (@name, @topic, @audience, @subject, @textBody, @htmlBody, 'draft', @now, @now)`,
);

/** Only a draft changes: what a started campaign sends is what the owner saw when starting it. */
export const updateDraft = sql<never, CampaignContent & { id: number; now: number }>(
  `UPDATE Campaign SET name = @name, topic = @topic, audience = @audience, subject = @subject,
     textBody = @textBody, htmlBody = @htmlBody, updatedAt = @now
   WHERE id = @id AND status = 'draft'`,
);

export const campaignById = sql<CampaignRow, { id: number }>(
  `SELECT ${CAMPAIGN_COLUMNS} FROM Campaign WHERE id = @id`,
);

export const campaignsNewestFirst = sql<CampaignRow, { limit: number }>(
  `SELECT ${CAMPAIGN_COLUMNS} FROM Campaign ORDER BY id DESC LIMIT @limit`,
);

export const campaignsSending = sql<{ id: number }>(`SELECT id FROM Campaign WHERE status = 'sending'`);

/** Moves a campaign from one status to another; no change when it is not in `from`. */
export const moveCampaign = sql<never, { id: number; from: string; to: string; now: number }>(
  `UPDATE Campaign SET status = @to, updatedAt = @now,
     startedAt = CASE WHEN @to = 'sending' THEN COALESCE(startedAt, @now) ELSE startedAt END,
     finishedAt = CASE WHEN @to IN ('done', 'cancelled') THEN @now ELSE finishedAt END
   WHERE id = @id AND status = @from`,
);

export const recipientCounts = sql<{ status: string; n: number }, { campaignId: number }>(
  'SELECT status, count(*) AS n FROM CampaignRecipient WHERE campaignId = @campaignId GROUP BY status',
);

export type RecipientRow = {
  id: number;
  email: string;
  customerId: number | null;
  name: string;
  status: string;
  error: string | null;
  serverResponse: string | null;
  sentAt: number | null;
};

const RECIPIENT_COLUMNS = 'id, email, customerId, name, status, error, serverResponse, sentAt';

export const pendingRecipients = sql<RecipientRow, { campaignId: number; limit: number }>(
  `SELECT ${RECIPIENT_COLUMNS} FROM CampaignRecipient
   WHERE campaignId = @campaignId AND status = 'pending' ORDER BY id LIMIT @limit`,
);

/** Only a pending row is queued, so a batch run twice queues nobody twice. */
export const markRecipientQueued = sql<never, { id: number; outboxId: number }>(
  `UPDATE CampaignRecipient SET status = 'queued', outboxId = @outboxId WHERE id = @id AND status = 'pending'`,
);

export const recipientsPage = sql<
  RecipientRow,
  { campaignId: number; status: string | null; afterId: number; limit: number }
>(
  `SELECT ${RECIPIENT_COLUMNS} FROM CampaignRecipient
   WHERE campaignId = @campaignId AND (@status IS NULL OR status = @status) AND id > @afterId
   ORDER BY id LIMIT @limit`,
);

export const recipientById = sql<
  RecipientRow & { campaignId: number; outboxId: number | null },
  { id: number }
>(`SELECT ${RECIPIENT_COLUMNS}, campaignId, outboxId FROM CampaignRecipient WHERE id = @id`);

export const recipientByEmail = sql<RecipientRow, { campaignId: number; email: string }>(
  `SELECT ${RECIPIENT_COLUMNS} FROM CampaignRecipient WHERE campaignId = @campaignId AND email = @email`,
);

/** Copies what the outbox learned (sent with the reply, or failed with the reason) to the recipients. */
export const settleRecipientsFromOutbox = sql<never, { campaignId: number }>(
  `UPDATE CampaignRecipient SET
     status = o.status, error = o.lastError, serverResponse = o.serverResponse, sentAt = o.sentAt
   FROM OutboxEmail o
   WHERE o.id = CampaignRecipient.outboxId AND CampaignRecipient.campaignId = @campaignId
     AND CampaignRecipient.status = 'queued' AND o.status IN ('sent', 'failed')`,
);

export const failedRecipients = sql<{ id: number; outboxId: number | null }, { campaignId: number }>(
  `SELECT id, outboxId FROM CampaignRecipient WHERE campaignId = @campaignId AND status = 'failed'`,
);

export const requeueRecipient = sql<never, { id: number }>(
  `UPDATE CampaignRecipient SET status = 'queued', error = NULL WHERE id = @id AND status = 'failed'`,
);

/** Cancelling: those not handed to SMTP yet are not sent. */
export const cancelUnsentRecipients = sql<never, { campaignId: number }>(
  `UPDATE CampaignRecipient SET status = 'cancelled'
   WHERE campaignId = @campaignId AND (status = 'pending' OR (status = 'queued' AND
     NOT EXISTS (SELECT 1 FROM OutboxEmail o WHERE o.id = CampaignRecipient.outboxId AND o.status IN ('sending', 'sent', 'failed'))))`,
);

export const markRecipientBounced = sql<never, { campaignId: number; email: string; error: string }>(
  `UPDATE CampaignRecipient SET status = 'bounced', error = @error
   WHERE campaignId = @campaignId AND email = @email AND status IN ('queued', 'failed')`,
);

/** Still waiting for its turn: an unsubscribe or a suppression takes it out of every such campaign. */
export const unsentRecipientsOf = sql<
  { id: number; campaignId: number; outboxId: number | null },
  { email: string; topicA: string; topicB: string }
>(
  `SELECT r.id, r.campaignId, r.outboxId FROM CampaignRecipient r
   JOIN Campaign c ON c.id = r.campaignId
   LEFT JOIN OutboxEmail o ON o.id = r.outboxId
   WHERE r.email = @email AND c.topic IN (@topicA, @topicB)
     AND (r.status = 'pending' OR (r.status = 'queued' AND (o.id IS NULL OR o.status = 'queued')))`,
);

export const markRecipientLeft = sql<never, { id: number; status: string; error: string }>(
  `UPDATE CampaignRecipient SET status = @status, error = @error WHERE id = @id`,
);
