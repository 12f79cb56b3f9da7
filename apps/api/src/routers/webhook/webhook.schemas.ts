import { z } from 'zod';
import { ZId } from '../id.schemas.ts';
import { pageOf, ZPageLimit } from '../page.schemas.ts';

export const ZWebhookFindInput = z.object({
  limit: ZPageLimit,
  cursor: ZId.nullish(),
  source: z.enum(['paypro', 'avangate', 'tawk', 'newsletter']).nullish(),
  status: z.enum(['processed', 'duplicate', 'kept', 'rejected', 'failed']).nullish(),
});

export const ZWebhookEventSummary = z.object({
  id: z.number().int(),
  source: z.string(),
  idempotencyKey: z.string().nullable(),
  receivedAt: z.date(),
  remoteIp: z.string().nullable(),
  status: z.string(),
  result: z.string().nullable(),
  orderId: z.number().int().nullable(),
  payload: z.string(),
  bodyBytes: z.number().int().nullable(),
  canReplay: z.boolean(),
});

export const ZWebhookFindOutput = pageOf(ZWebhookEventSummary);

export const ZWebhookReplayOutput = z.object({
  id: z.number().int(),
  status: z.literal('processed'),
  result: z.string(),
});

export type TWebhookFindInput = z.infer<typeof ZWebhookFindInput>;
