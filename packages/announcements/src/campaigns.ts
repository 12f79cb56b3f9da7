// Campaigns as the owner sees them: drafts kept, and where sending stands per recipient.
import { type Db, DomainError, isOneOf, NotFoundError } from '@keydesk/db';
import { describeAudience, parseAudience, type TAudience, type TCampaignTopic } from './audience-rules.ts';
import { assertValidAnnouncement } from './render-announcement.ts';
import * as q from './sql/campaigns.ts';

export const CAMPAIGN_STATUSES = ['draft', 'sending', 'paused', 'cancelled', 'done'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const RECIPIENT_STATUSES = [
  'pending',
  'queued',
  'sent',
  'failed',
  'bounced',
  'unsubscribed',
  'cancelled',
] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

export class CampaignStateError extends DomainError {
  readonly kind = 'precondition';
}

export type CampaignDraft = {
  name: string;
  topic: TCampaignTopic;
  audience: TAudience;
  subject: string;
  textBody: string;
  htmlBody: string;
};

export const toCampaignStatus = (value: string): CampaignStatus =>
  isOneOf(CAMPAIGN_STATUSES, value) ? value : 'paused';
export const toRecipientStatus = (value: string): RecipientStatus =>
  isOneOf(RECIPIENT_STATUSES, value) ? value : 'failed';

/** Creates a draft, or changes one; a started campaign no longer changes. */
export function saveCampaignDraft(options: {
  db: Db;
  id?: number | undefined;
  draft: CampaignDraft;
  now: Date;
}): {
  id: number;
} {
  const { db, draft } = options;
  assertValidAnnouncement(draft);
  const values = { ...draft, audience: JSON.stringify(draft.audience), now: options.now.getTime() };
  if (options.id === undefined) return { id: q.insertCampaign.run(db, values).lastInsertRowid };
  if (q.updateDraft.run(db, { ...values, id: options.id }).changes === 0) {
    getCampaignRow(db, options.id);
    throw new CampaignStateError('Only a draft can be changed; this campaign has started.');
  }
  return { id: options.id };
}

export function getCampaignRow(db: Db, id: number): q.CampaignRow {
  const row = q.campaignById.get(db, { id });
  if (!row) throw new NotFoundError('campaign', `There is no campaign ${id}.`);
  return row;
}

function countsOf(db: Db, campaignId: number): Record<RecipientStatus, number> {
  const counts = Object.fromEntries(RECIPIENT_STATUSES.map((s) => [s, 0])) as Record<RecipientStatus, number>;
  for (const row of q.recipientCounts.all(db, { campaignId })) counts[toRecipientStatus(row.status)] += row.n;
  return counts;
}

/**
 * Brings a campaign's recipients up to date with the outbox, and a campaign with nobody left to
 * send to from "sending" to "done". Reads call it, so the owner always sees the outbox's truth.
 */
export function settleCampaign(db: Db, campaignId: number, now: Date): void {
  db.sqlite.transaction(() => {
    q.settleRecipientsFromOutbox.run(db, { campaignId });
    const counts = countsOf(db, campaignId);
    if (counts.pending === 0 && counts.queued === 0) {
      q.moveCampaign.run(db, { id: campaignId, from: 'sending', to: 'done', now: now.getTime() });
    }
  })();
}

function toCampaign(db: Db, row: q.CampaignRow) {
  const audience = parseAudience(row.audience);
  return {
    id: row.id,
    name: row.name,
    topic: row.topic === 'newsletter' ? ('newsletter' as const) : ('updates' as const),
    audience,
    audienceText: describeAudience(audience),
    subject: row.subject,
    textBody: row.textBody,
    htmlBody: row.htmlBody,
    status: toCampaignStatus(row.status),
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    startedAt: row.startedAt === null ? null : new Date(row.startedAt),
    finishedAt: row.finishedAt === null ? null : new Date(row.finishedAt),
    counts: countsOf(db, row.id),
  };
}

/**
 * Settles every campaign that is sending, so recipients take their outcome (and a campaign ends)
 * even when nobody opens the page, before retention removes old outbox rows.
 */
export function settleSendingCampaigns(db: Db, now: Date): void {
  for (const { id } of q.campaignsSending.all(db)) settleCampaign(db, id, now);
}

export function getCampaign(options: { db: Db; id: number; now: Date }) {
  settleCampaign(options.db, options.id, options.now);
  return toCampaign(options.db, getCampaignRow(options.db, options.id));
}

export const MAX_CAMPAIGNS = 200;

export function findCampaigns(options: { db: Db; now: Date }) {
  settleSendingCampaigns(options.db, options.now);
  return q.campaignsNewestFirst
    .all(options.db, { limit: MAX_CAMPAIGNS })
    .map((row) => toCampaign(options.db, row));
}

/** One page of recipients with their status, the server's reply or the reason; cursor = last id. */
export function findCampaignRecipients(options: {
  db: Db;
  campaignId: number;
  status?: RecipientStatus | undefined;
  cursor?: number | undefined;
  limit: number;
  now: Date;
}) {
  const { db, campaignId } = options;
  getCampaignRow(db, campaignId);
  settleCampaign(db, campaignId, options.now);
  const rows = q.recipientsPage.all(db, {
    campaignId,
    status: options.status ?? null,
    afterId: options.cursor ?? 0,
    limit: options.limit + 1,
  });
  const items = rows.slice(0, options.limit).map((row) => ({
    id: row.id,
    email: row.email,
    customerId: row.customerId,
    name: row.name,
    status: toRecipientStatus(row.status),
    error: row.error,
    serverResponse: row.serverResponse,
    sentAt: row.sentAt === null ? null : new Date(row.sentAt),
  }));
  return { items, nextCursor: rows.length > options.limit ? (items.at(-1)?.id ?? null) : null };
}
