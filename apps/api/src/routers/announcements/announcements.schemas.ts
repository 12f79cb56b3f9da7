import {
  CAMPAIGN_STATUSES,
  MAX_AUDIENCE_PAGE,
  RECIPIENT_STATUSES,
  ZAudience,
  ZCampaignTopic,
  ZSendingLimits,
} from '@keydesk/announcements';
import { z } from 'zod';
import { ZId } from '../id.schemas.ts';
import { ZPageLimit } from '../page.schemas.ts';

export const MAX_TEMPLATE_LENGTH = 100_000;
const ZEmail = z.string().trim().toLowerCase().min(3).max(254);

export const ZEmpty = z.void();

export const ZCampaignDraft = z.object({
  name: z.string().trim().min(1).max(200),
  topic: ZCampaignTopic,
  audience: ZAudience,
  subject: z.string().trim().min(1).max(300),
  textBody: z.string().min(1).max(MAX_TEMPLATE_LENGTH),
  htmlBody: z.string().min(1).max(MAX_TEMPLATE_LENGTH),
});
export const ZSaveDraftInput = z.object({ id: ZId.optional(), draft: ZCampaignDraft });
export const ZSaveDraftOutput = z.object({ id: ZId });

const ZCount = z.number().int();
const ZCounts = z.object({
  pending: ZCount,
  queued: ZCount,
  sent: ZCount,
  failed: ZCount,
  bounced: ZCount,
  unsubscribed: ZCount,
  cancelled: ZCount,
});

export const ZCampaign = ZCampaignDraft.extend({
  id: ZId,
  audienceText: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  createdAt: z.date(),
  updatedAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  counts: ZCounts,
});
export const ZCampaignFindOutput = z.object({ items: z.array(ZCampaign) });

export const ZRecipientsInput = z.object({
  id: ZId,
  status: z.enum(RECIPIENT_STATUSES).optional(),
  cursor: ZId.optional(),
  limit: ZPageLimit,
});
export const ZRecipientsOutput = z.object({
  items: z.array(
    z.object({
      id: ZId,
      email: z.string(),
      customerId: z.number().int().nullable(),
      name: z.string(),
      status: z.enum(RECIPIENT_STATUSES),
      error: z.string().nullable(),
      serverResponse: z.string().nullable(),
      sentAt: z.date().nullable(),
    }),
  ),
  nextCursor: ZId.nullable(),
});

export const ZDailyReportOutput = z.object({
  items: z.array(
    z.object({ day: z.iso.date(), sent: ZCount, failed: ZCount, bounced: ZCount, unsubscribed: ZCount }),
  ),
});

export const ZAudiencePreviewInput = z.object({
  topic: ZCampaignTopic,
  audience: ZAudience,
  cursor: ZEmail.optional(),
  limit: z.number().int().min(1).max(MAX_AUDIENCE_PAGE).default(25),
});
export const ZAudiencePreviewOutput = z.object({
  count: z.number().int(),
  items: z.array(z.object({ email: z.string(), customerId: z.number().int().nullable(), name: z.string() })),
  nextCursor: z.string().nullable(),
});

export const ZPreviewInput = z.object({ id: ZId, email: ZEmail.optional() });
export const ZPreviewOutput = z.object({
  email: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
});

export const ZTestSendInput = z.object({ id: ZId, email: ZEmail.optional(), requestId: z.uuid() });
export const ZTestSendOutput = z.object({ outboxId: ZId, toAddress: z.string() });

export const ZStartOutput = z.object({ recipients: z.number().int() });
export const ZCancelOutput = z.object({ cancelled: z.number().int() });
export const ZRetryFailedInput = z.object({ id: ZId, recipientId: ZId.optional() });
export const ZRetryFailedOutput = z.object({ retried: z.number().int() });

export const ZSendingLimitsOutput = ZSendingLimits;

/** The owner blocks an address by hand (a complaint by phone, a role address): reason "manual". */
export const ZSuppressInput = z.object({ email: ZEmail.pipe(z.email()) });
