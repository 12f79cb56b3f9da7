import { licenseOrderSelect } from '@keydesk/mail';
import { z } from 'zod';
import { ZOrderRow } from '../customer/customer.schemas.ts';
import { ZId } from '../id.schemas.ts';
import { ZLicenseCore, ZLicenseCustomer } from '../license/license.schemas.ts';

const ZEmailAddress = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const ZLicenseResendGetInput = z.object({ licenseId: ZId });

export const ZOutboxState = z.object({
  status: z.enum(['queued', 'sending', 'sent', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: z.date(),
  lastError: z.string().nullable(),
  serverResponse: z.string().nullable(),
  messageId: z.string(),
  sentAt: z.date().nullable(),
});

export const ZLicenseResendGetOutput = z.object({
  license: ZLicenseCore.extend({
    customer: ZLicenseCustomer.nullable(),
    order: ZOrderRow.pick(licenseOrderSelect).nullable(),
  }),
  defaultAddress: z.string().nullable(),
  canResend: z.boolean(),
  blockedReason: z.string().nullable(),
  resends: z.array(
    z.object({
      id: z.number().int(),
      requestedAt: z.date(),
      toAddress: z.string(),
      isAlternateAddress: z.boolean(),
      outbox: ZOutboxState,
    }),
  ),
  historyLimit: z.number().int(),
});

export const ZLicenseResendPreviewInput = z.object({
  licenseId: ZId,
  toAddress: ZEmailAddress.optional(),
});

export const ZLicenseResendPreviewOutput = z.object({
  from: z.string().nullable(),
  to: z.string(),
  isAlternateAddress: z.boolean(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  isMailConfigured: z.boolean(),
});

export const ZLicenseResendSendInput = ZLicenseResendPreviewInput.extend({
  /** Made by the browser once per dialog, so a double click queues one email. */
  requestId: z.uuid(),
});

export const ZLicenseResendSendOutput = z.object({
  resendId: z.number().int(),
  outboxId: z.number().int(),
  isDuplicate: z.boolean(),
  toAddress: z.string(),
  isAlternateAddress: z.boolean(),
  isMailConfigured: z.boolean(),
});

export type TLicenseResendPreviewInput = z.infer<typeof ZLicenseResendPreviewInput>;
export type TLicenseResendGetOutput = z.infer<typeof ZLicenseResendGetOutput>;
