// Seeing an announcement as one recipient will, and a test send of that to the owner's own address.
import { type Db, DomainError } from '@keydesk/db';
import { createMessageId, insertOutboxEmail, notifyOutboxChanged } from '@keydesk/mail';
import { parseAudience } from './audience-rules.ts';
import { getCampaignRow } from './campaigns.ts';
import { findAudienceMember } from './find-audience.ts';
import { announcementValues, type RenderedAnnouncement, renderAnnouncement } from './render-announcement.ts';
import { listUnsubscribeHeaders } from './send-campaign.ts';
import { recipientByEmail } from './sql/campaigns.ts';

export class AnnouncementPreviewError extends DomainError {
  readonly kind = 'invalid';
}

/** Where a preview's or test's unsubscribe link points: the page says it is only a sample. */
const PREVIEW_TOKEN = 'preview';

function recipientFor(db: Db, campaignId: number, email: string | undefined) {
  const campaign = getCampaignRow(db, campaignId);
  const wanted = email?.trim().toLowerCase();
  if (wanted && campaign.status !== 'draft') {
    const fixed = recipientByEmail.get(db, { campaignId, email: wanted });
    if (fixed) return { campaign, recipient: fixed };
  }
  const recipient = findAudienceMember({
    db,
    audience: parseAudience(campaign.audience),
    topic: campaign.topic === 'newsletter' ? 'newsletter' : 'updates',
    email: wanted || undefined,
  });
  if (!recipient) {
    throw new AnnouncementPreviewError(
      wanted ? `${wanted} is not in this campaign's audience.` : "This campaign's audience is empty.",
    );
  }
  return { campaign, recipient };
}

export function previewAnnouncement(options: {
  db: Db;
  campaignId: number;
  email?: string | undefined;
  publicUrl: string;
}): RenderedAnnouncement & { email: string } {
  const { campaign, recipient } = recipientFor(options.db, options.campaignId, options.email);
  const url = new URL(`/u/${PREVIEW_TOKEN}`, options.publicUrl).toString();
  return {
    email: recipient.email,
    ...renderAnnouncement(campaign, announcementValues(options.db, recipient), url),
  };
}

/** Queues the preview to the owner, once per request id; it is a test email, never throttled. */
export async function sendTestAnnouncement(options: {
  db: Db;
  campaignId: number;
  email?: string | undefined;
  publicUrl: string;
  fromAddress: string;
  requestId: string;
  now: Date;
}): Promise<{ outboxId: number; toAddress: string }> {
  const owner = await options.db.prisma.owner.findFirst({ select: { email: true } });
  if (!owner) throw new AnnouncementPreviewError('There is no owner account to send to.');
  const preview = previewAnnouncement(options);
  const url = new URL(`/u/${PREVIEW_TOKEN}`, options.publicUrl).toString();
  const { id } = insertOutboxEmail(
    options.db,
    {
      kind: 'test',
      idempotencyKey: `test:announcement:${options.requestId}`,
      fromAddress: options.fromAddress,
      toAddress: owner.email,
      subject: `[Test as ${preview.email}] ${preview.subject}`,
      textBody: preview.text,
      htmlBody: preview.html,
      messageId: createMessageId(options.fromAddress),
      customerId: null,
      headers: listUnsubscribeHeaders(url, options.fromAddress, PREVIEW_TOKEN),
    },
    options.now,
  );
  notifyOutboxChanged();
  return { outboxId: id, toAddress: owner.email };
}
