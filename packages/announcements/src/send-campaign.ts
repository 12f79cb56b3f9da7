// Starting, queueing, pausing, resuming, cancelling and retrying a campaign. Recipients are fixed
// when it starts (one row per address, unique), then handed to the outbox in batches, each batch
// in one transaction with its outbox rows (idempotency key per campaign and recipient): a process
// killed mid-queueing resumes where it stopped, and nobody is queued twice. The outbox sender then
// delivers each row exactly once as far as SMTP allows (ARCHITECTURE.md, "One email").
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
import {
  createMessageId,
  deleteQueuedCampaignEmails,
  insertOutboxEmail,
  notifyOutboxChanged,
  retryFailedOutboxEmail,
} from '@keydesk/mail';
import { parseAudience } from './audience-rules.ts';
import { CampaignStateError, getCampaignRow, settleCampaign } from './campaigns.ts';
import { insertCampaignAudience } from './find-audience.ts';
import { announcementValuesOf, renderAnnouncement } from './render-announcement.ts';
import type { CampaignRow } from './sql/campaigns.ts';
import * as q from './sql/campaigns.ts';
import { unsubscribeMailto } from './unsubscribe-by-email.ts';
import { signUnsubscribeToken, unsubscribeUrl } from './unsubscribe-token.ts';

/** What queueing needs besides the database: where links point, who sends, the link secret. */
export type SendContext = { db: Db; publicUrl: string; fromAddress: string; secret: string };

/**
 * Recipients per transaction: each commit waits for an fsync, so 500 commits of 200 took most of
 * the 100k benchmark's queueing; a batch of 1,000 still renders in well under a second.
 */
const BATCH_SIZE = 1_000;

/**
 * RFC 8058: a signed https link a POST can use at once, and a mailto for clients without it whose
 * subject carries the same token (unsubscribe-by-email.ts).
 */
export function listUnsubscribeHeaders(
  url: string,
  fromAddress: string,
  token: string,
): Record<string, string> {
  return {
    'List-Unsubscribe': `<${url}>, <${unsubscribeMailto(fromAddress, token)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/** Queues up to one batch of the campaign's pending recipients; returns how many were queued. */
export function queueCampaignBatch(
  context: SendContext,
  campaignId: number,
  now: Date,
  limit = BATCH_SIZE,
): number {
  const { db } = context;
  return db.sqlite.transaction(() => {
    const campaign = getCampaignRow(db, campaignId);
    if (campaign.status !== 'sending') return 0;
    const recipients = q.pendingRecipients.all(db, { campaignId, limit });
    for (const { recipient, values } of announcementValuesOf(db, recipients)) {
      const token = signUnsubscribeToken(context.secret, recipient.id);
      const url = unsubscribeUrl(context.publicUrl, token);
      const rendered = renderAnnouncement(campaign, values, url);
      const { id } = insertOutboxEmail(
        db,
        {
          kind: 'announcement',
          idempotencyKey: `campaign:${campaignId}:${recipient.id}`,
          fromAddress: context.fromAddress,
          toAddress: recipient.email,
          subject: rendered.subject,
          textBody: rendered.text,
          htmlBody: rendered.html,
          messageId: createMessageId(context.fromAddress),
          customerId: recipient.customerId,
          headers: listUnsubscribeHeaders(url, context.fromAddress, token),
          campaignId,
        },
        now,
      );
      q.markRecipientQueued.run(db, { id: recipient.id, outboxId: id });
    }
    return recipients.length;
  })();
}

/** Queues every pending recipient, yielding between batches so requests are still answered. */
export async function queueCampaign(
  context: SendContext,
  campaignId: number,
  now: () => Date,
): Promise<number> {
  let total = 0;
  for (;;) {
    const queued = queueCampaignBatch(context, campaignId, now());
    if (queued === 0) break;
    total += queued;
    notifyOutboxChanged();
    await yieldToEvents();
  }
  return total;
}

/** After a restart: campaigns that were sending carry on queueing whoever was not queued yet. */
export async function resumeCampaignQueueing(context: SendContext, now: () => Date): Promise<number> {
  let total = 0;
  for (const { id } of q.campaignsSending.all(context.db)) total += await queueCampaign(context, id, now);
  return total;
}

/** Fixes the recipients from the audience as it is now, then starts handing them to the outbox. */
export async function startCampaign(
  context: SendContext,
  campaignId: number,
  now: () => Date,
): Promise<{ recipients: number }> {
  const { db } = context;
  const campaign = getCampaignRow(db, campaignId);
  if (campaign.status !== 'draft') throw new CampaignStateError('This campaign has already started.');
  const count = fixRecipients(db, campaign, now().getTime());
  await queueCampaign(context, campaignId, now);
  return { recipients: count };
}

/**
 * Fixes the audience as it is now into recipient rows, in one statement and one transaction with
 * the move to "sending": the audience never passes through the server's memory.
 */
function fixRecipients(db: Db, campaign: CampaignRow, at: number): number {
  const campaignId = campaign.id;
  return db.sqlite.transaction(() => {
    if (q.moveCampaign.run(db, { id: campaignId, from: 'draft', to: 'sending', now: at }).changes === 0)
      throw new CampaignStateError('This campaign has already started.');
    const recipients = insertCampaignAudience({
      db,
      audience: parseAudience(campaign.audience),
      topic: campaign.topic === 'newsletter' ? 'newsletter' : 'updates',
      campaignId,
      now: at,
    });
    // Throwing rolls the start back: the campaign stays a draft the owner can change.
    if (recipients === 0) throw new CampaignStateError('The audience is empty: nobody would receive it.');
    // Counts only: the audit log never names the people a campaign went to.
    recordAudit(
      db,
      {
        action: 'announcement.start',
        actor: 'owner',
        targetType: 'campaign',
        targetId: campaignId,
        details: { recipients },
      },
      new Date(at),
    );
    return recipients;
  })();
}

export function pauseCampaign(options: { db: Db; campaignId: number; now: Date }): void {
  const { db, campaignId, now } = options;
  if (
    q.moveCampaign.run(db, { id: campaignId, from: 'sending', to: 'paused', now: now.getTime() }).changes ===
    0
  ) {
    getCampaignRow(db, campaignId);
    throw new CampaignStateError('Only a campaign that is sending can be paused.');
  }
}

export async function resumeCampaign(
  context: SendContext,
  campaignId: number,
  now: () => Date,
): Promise<void> {
  const moved = q.moveCampaign.run(context.db, {
    id: campaignId,
    from: 'paused',
    to: 'sending',
    now: now().getTime(),
  });
  if (moved.changes === 0) {
    getCampaignRow(context.db, campaignId);
    throw new CampaignStateError('Only a paused campaign can be resumed.');
  }
  notifyOutboxChanged();
  await queueCampaign(context, campaignId, now);
}

/** Stops a campaign for good: whoever was not handed to SMTP yet is not sent, and that is recorded. */
export function cancelCampaign(options: { db: Db; campaignId: number; now: Date }): { cancelled: number } {
  const { db, campaignId, now } = options;
  const campaign = getCampaignRow(db, campaignId);
  if (campaign.status !== 'sending' && campaign.status !== 'paused') {
    throw new CampaignStateError('Only a campaign that is sending or paused can be cancelled.');
  }
  return db.sqlite.transaction(() => {
    q.moveCampaign.run(db, { id: campaignId, from: campaign.status, to: 'cancelled', now: now.getTime() });
    settleCampaign(db, campaignId, now);
    const cancelled = q.cancelUnsentRecipients.run(db, { campaignId }).changes;
    deleteQueuedCampaignEmails(db, campaignId);
    recordAudit(
      db,
      {
        action: 'announcement.cancel',
        actor: 'owner',
        targetType: 'campaign',
        targetId: campaignId,
        details: { cancelled },
      },
      now,
    );
    return { cancelled };
  })();
}

/**
 * Sends again to the failed recipients (or one of them), and to nobody else: each keeps its own
 * outbox row and Message-ID, which goes back to the queue. A finished campaign sends again.
 */
export function retryFailedRecipients(options: {
  db: Db;
  campaignId: number;
  recipientId?: number | undefined;
  now: Date;
}): { retried: number } {
  const { db, campaignId, now } = options;
  const campaign = getCampaignRow(db, campaignId);
  if (campaign.status === 'draft' || campaign.status === 'cancelled') {
    throw new CampaignStateError('Only a started campaign that was not cancelled has recipients to retry.');
  }
  settleCampaign(db, campaignId, now);
  const retried = db.sqlite.transaction(() => {
    let count = 0;
    for (const r of q.failedRecipients.all(db, { campaignId })) {
      if (options.recipientId !== undefined && r.id !== options.recipientId) continue;
      if (r.outboxId === null || !retryFailedOutboxEmail(db, r.outboxId, now)) continue;
      q.requeueRecipient.run(db, { id: r.id });
      count++;
    }
    if (count > 0)
      q.moveCampaign.run(db, { id: campaignId, from: 'done', to: 'sending', now: now.getTime() });
    return count;
  })();
  if (retried > 0) notifyOutboxChanged();
  return { retried };
}
