import { z } from 'zod';
import { ZId } from '../id.schemas.ts';
import { pageOf, ZPageLimit } from '../page.schemas.ts';

export const MAX_TEMPLATE_LENGTH = 50_000;
const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;

export const ZEmpty = z.void();

export const ZMailStatusOutput = z.object({
  isConfigured: z.boolean(),
  server: z.string().nullable(),
  from: z.string().nullable(),
  source: z.enum(['settings', 'environment']).nullable(),
  problem: z.string().nullable(),
});

const ZSmtpUrl = z
  .string()
  .trim()
  .max(500)
  .refine(
    (value) => /^smtps?:\/\/[^/\s]+/i.test(value),
    'Use an address such as smtp://user:password@host:587.',
  );

/** "support@example.com" or "Support <support@example.com>". */
const ZSender = z
  .string()
  .trim()
  .min(3)
  .max(254)
  .refine(
    (value) =>
      /^[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+$/.test(value) ||
      /^[^<>\r\n]*<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>$/.test(value),
    'Use an address such as support@example.com or Support <support@example.com>.',
  );

export const ZMailUpdateSettingsInput = z.object({
  /** Empty keeps the stored address: the password in it is never sent back to the browser. */
  smtpUrl: z.union([ZSmtpUrl, z.literal('')]),
  from: ZSender,
});

export const ZOutboxFindInput = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  cursor: ZId.nullish(),
  limit: ZPageLimit,
});

export const ZOutboxEntry = z.object({
  id: z.number().int(),
  kind: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.date(),
  lastError: z.string().nullable(),
  serverResponse: z.string().nullable(),
  messageId: z.string(),
  customerId: z.number().int().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});

export const ZOutboxFindOutput = pageOf(ZOutboxEntry).extend({
  counts: z.partialRecord(z.enum(OUTBOX_STATUSES), z.number().int()),
});

const ZProduct = z.string().trim().min(1).max(100);

export const ZTemplateContent = z.object({
  subject: z.string().trim().min(1).max(300),
  textBody: z.string().min(1).max(MAX_TEMPLATE_LENGTH),
  htmlBody: z.string().min(1).max(MAX_TEMPLATE_LENGTH),
});

export const ZTemplateEntry = ZTemplateContent.extend({
  product: z.string(),
  isCustom: z.boolean(),
  source: z.enum(['product', 'default', 'built-in']),
  updatedAt: z.date().nullable(),
});

export const ZTemplateFindOutput = z.object({
  variables: z.array(z.string()),
  items: z.array(ZTemplateEntry),
});

export const ZTemplateUpdateInput = ZTemplateContent.extend({ product: ZProduct });
export const ZTemplateResetInput = z.object({ product: ZProduct });

export const ZTemplatePreviewOutput = z.object({
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  sample: z.object({ licenseId: z.number().int().nullable(), customerName: z.string().nullable() }),
});

export const ZMailSendTestInput = z.object({ requestId: z.uuid() });
export const ZMailSendTestOutput = z.object({ outboxId: z.number().int(), toAddress: z.string() });
