import { MAX_SEARCH_LENGTH } from '@keydesk/search';
import { z } from 'zod';
import { ZAuditEntry } from '../audit/audit.schemas.ts';
import { ZId } from '../id.schemas.ts';
import { ZLicenseCore } from '../license/license.schemas.ts';
import { ZPageLimit } from '../page.schemas.ts';

export const MAX_NOTE_LENGTH = 10_000;

/** A customer as a link to their page shows them, wherever another record names one. */
export const ZCustomerRef = z.object({ id: z.number().int(), name: z.string() });

export const ZCustomerFindInput = z.object({
  query: z.string().trim().max(MAX_SEARCH_LENGTH),
  limit: ZPageLimit,
  cursor: z
    .string()
    .regex(/^[sw]\d{1,19}$/)
    .nullish(),
});

const ZMatch = z.object({
  field: z.enum(['email', 'name', 'company', 'licenseKey', 'orderId']),
  kind: z.enum(['exact', 'prefix', 'substring', 'typo']),
  text: z.string(),
  ranges: z.array(z.tuple([z.number().int(), z.number().int()])),
  licenseId: z.number().int().nullable(),
  orderId: z.number().int().nullable(),
});

export const ZCustomerFindOutput = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      company: z.string().nullable(),
      country: z.string().nullable(),
      primaryEmail: z.string().nullable(),
      lastSeenAt: z.date(),
      licenseCount: z.number().int(),
      products: z.array(z.string()),
      lastOrder: z
        .object({ purchasedAt: z.date(), amountMinor: z.number().int(), currency: z.string() })
        .nullable(),
      matches: z.array(ZMatch),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const ZUpgrade = z.object({ status: z.enum(['current', 'free', 'paid', 'none']), reason: z.string() });

export const ZLicenseRow = ZLicenseCore.extend({
  orderId: z.number().int().nullable(),
  upgrade: ZUpgrade,
});

export const ZOrderRow = z.object({
  id: z.number().int(),
  reseller: z.string(),
  resellerOrderId: z.string(),
  product: z.string(),
  edition: z.string(),
  quantity: z.number().int(),
  amountMinor: z.number().int(),
  currency: z.string(),
  status: z.string(),
  refundedMinor: z.number().int(),
  isTest: z.boolean(),
  purchasedAt: z.date(),
  refundedAt: z.date().nullable(),
  chargedBackAt: z.date().nullable(),
});

const ZNote = z.object({ id: z.number().int(), body: z.string(), createdAt: z.date(), updatedAt: z.date() });

export const ZCustomerGetOutput = z.object({
  profile: z.object({
    id: z.number().int(),
    name: z.string(),
    company: z.string().nullable(),
    country: z.string().nullable(),
    addressLine1: z.string().nullable(),
    addressLine2: z.string().nullable(),
    city: z.string().nullable(),
    region: z.string().nullable(),
    postalCode: z.string().nullable(),
    phone: z.string().nullable(),
    firstSeenAt: z.date(),
    lastSeenAt: z.date(),
    emails: z.array(z.object({ id: z.number().int(), email: z.string(), isPrimary: z.boolean() })),
  }),
  licenses: z.array(ZLicenseRow),
  orders: z.array(ZOrderRow),
  newsletter: z.array(
    z.object({
      email: z.string(),
      status: z.string(),
      subscribedAt: z.date().nullable(),
      unsubscribedAt: z.date().nullable(),
    }),
  ),
  timeline: z.array(
    z.discriminatedUnion('type', [
      z.object({
        type: z.enum(['chat', 'email']),
        id: z.number().int(),
        at: z.date(),
        title: z.string(),
        snippet: z.string().nullable(),
        messageCount: z.number().int(),
        isAwaitingReply: z.boolean(),
      }),
      z.object({
        type: z.literal('resend'),
        id: z.number().int(),
        at: z.date(),
        title: z.string(),
        snippet: z.string(),
        licenseId: z.number().int(),
        status: z.string(),
      }),
    ]),
  ),
  resends: z.array(
    z.object({
      id: z.number().int(),
      licenseId: z.number().int(),
      toAddress: z.string(),
      isAlternateAddress: z.boolean(),
      requestedAt: z.date(),
      product: z.string(),
      edition: z.string(),
      keyTail: z.string(),
      status: z.string(),
      sentAt: z.date().nullable(),
      lastError: z.string().nullable(),
      attempts: z.number().int(),
    }),
  ),
  notes: z.array(ZNote),
  suppressions: z.array(z.object({ email: z.string(), reason: z.string(), at: z.date() })),
  // Every entry is about this customer, and the page does not show where a change came from.
  audit: z.array(ZAuditEntry.omit({ customerId: true, ip: true })),
});

export const ZCustomerAddNoteInput = z.object({
  customerId: ZId,
  body: z.string().trim().min(1).max(MAX_NOTE_LENGTH),
});
export const ZCustomerUpdateNoteInput = z.object({
  noteId: ZId,
  body: z.string().trim().min(1).max(MAX_NOTE_LENGTH),
});
export const ZCustomerDeleteNoteInput = z.object({ noteId: ZId });
export const ZCustomerNoteOutput = ZNote;

export type TCustomerFindInput = z.infer<typeof ZCustomerFindInput>;
