import { z } from 'zod';

export const ZPrivacyEraseInput = z.object({
  customerId: z.number().int().positive(),
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

export const ZPrivacyExportInput = z.object({ customerId: z.number().int().positive() });
export const ZPrivacyExportOutput = z.object({ url: z.string() });

export const ZPrivacyGetInput = z.object({ customerId: z.number().int().positive() });
export const ZPrivacyGetOutput = z.object({
  customer: z.object({ id: z.number().int(), name: z.string(), emails: z.array(z.string()) }),
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
