// The columns of a license and its owner that every view of a license shows: the customer page
// and the key lookup (@keydesk/customers) and the license page (@keydesk/mail) each add their own.
import type { Prisma } from './generated/client.ts';

export const licenseCoreSelect = {
  id: true,
  key: true,
  product: true,
  edition: true,
  seats: true,
  majorVersion: true,
  status: true,
  issuedAt: true,
  revokedAt: true,
} satisfies Prisma.LicenseSelect;

/** Who a license belongs to; the primary address comes first. */
export const licenseCustomerSelect = {
  id: true,
  name: true,
  company: true,
  country: true,
  emails: {
    select: { email: true, isPrimary: true },
    orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }],
  },
} satisfies Prisma.CustomerSelect;
