import { z } from 'zod';
import { ZCustomerRef } from '../customer/customer.schemas.ts';
import { ZId } from '../id.schemas.ts';

/** Every privacy procedure is about one customer. */
export const ZPrivacyCustomerInput = z.object({ customerId: ZId });

export const ZPrivacyEraseInput = ZPrivacyCustomerInput.extend({
  confirmEmail: z.string().trim().min(3).max(200),
});

export const ZPrivacyEraseOutput = z.object({
  emails: z.number().int(),
  notes: z.number().int(),
  newsletter: z.number().int(),
  chats: z.number().int(),
  chatMessages: z.number().int(),
  emailThreads: z.number().int(),
  emailMessages: z.number().int(),
  outbox: z.number().int(),
  resends: z.number().int(),
  campaignRecipients: z.number().int(),
  suppressions: z.number().int(),
  ordersAnonymised: z.number().int(),
  licensesAnonymised: z.number().int(),
  webhookPayloads: z.number().int(),
  auditDetails: z.number().int(),
  updateChecks: z.number().int(),
});

export const ZPrivacyExportOutput = z.object({ url: z.string() });

export const ZPrivacyGetOutput = z.object({
  customer: ZCustomerRef.extend({ emails: z.array(z.string()) }),
  held: z.object({
    orders: z.number().int(),
    licenses: z.number().int(),
    chats: z.number().int(),
    emailThreads: z.number().int(),
    notes: z.number().int(),
    newsletter: z.number().int(),
    resends: z.number().int(),
  }),
});
