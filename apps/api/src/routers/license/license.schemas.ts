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
