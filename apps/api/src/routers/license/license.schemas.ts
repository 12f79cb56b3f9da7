import { z } from 'zod';

/** What every view of a license shows; the customer page and the license page each add their own. */
export const ZLicenseCore = z.object({
  id: z.number().int(),
  key: z.string(),
  product: z.string(),
  edition: z.string(),
  seats: z.number().int(),
  majorVersion: z.number().int(),
  status: z.string(),
  issuedAt: z.date(),
  revokedAt: z.date().nullable(),
});

/** Who a license belongs to, as the license page and the lookup show it. */
export const ZLicenseCustomer = z.object({
  id: z.number().int(),
  name: z.string(),
  company: z.string().nullable(),
  country: z.string().nullable(),
  emails: z.array(z.object({ email: z.string(), isPrimary: z.boolean() })),
});
