import { z } from 'zod';
import { ZCustomerRef } from '../customer/customer.schemas.ts';
import { ZId } from '../id.schemas.ts';
import { ZPageLimit } from '../page.schemas.ts';

export const MAX_SEARCH_LENGTH = 200;
export const MAX_CHAT_EXPORT_CHARS = 20 * 1024 * 1024;

const ZKind = z.enum(['chat', 'email']);

export const ZConversationFindInput = z.object({
  kind: z.enum(['all', 'chat', 'email']).default('all'),
  from: z.date().nullish(),
  to: z.date().nullish(),
  linked: z.enum(['all', 'linked', 'unlinked']).default('all'),
  hasAttachments: z.boolean().default(false),
  onlyAwaitingReply: z.boolean().default(false),
  search: z.string().trim().min(1).max(MAX_SEARCH_LENGTH).nullish(),
  cursor: z.string().max(100).nullish(),
  limit: ZPageLimit,
});

export const ZConversationFindOutput = z.object({
  items: z.array(
    z.object({
      kind: ZKind,
      id: z.number().int(),
      lastMessageAt: z.date(),
      title: z.string(),
      snippet: z.array(z.object({ text: z.string(), hit: z.boolean() })),
      customer: ZCustomerRef.nullable(),
      contact: z.string().nullable(),
      messageCount: z.number().int(),
      hasAttachments: z.boolean(),
      isAwaitingReply: z.boolean(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const ZChatOutput = z.object({
  id: z.number().int(),
  source: z.string(),
  externalId: z.string(),
  visitorName: z.string().nullable(),
  visitorEmail: z.string().nullable(),
  visitorCountry: z.string().nullable(),
  startedAt: z.date(),
  endedAt: z.date().nullable(),
  messageCount: z.number().int(),
  isAwaitingReply: z.boolean(),
  customer: ZCustomerRef.nullable(),
  messages: z.array(
    z.object({
      id: z.number().int(),
      seq: z.number().int(),
      senderType: z.string(),
      senderName: z.string().nullable(),
      sentAt: z.date(),
      text: z.string(),
    }),
  ),
});

export const ZThreadOutput = z.object({
  id: z.number().int(),
  subject: z.string(),
  firstMessageAt: z.date(),
  lastMessageAt: z.date(),
  messageCount: z.number().int(),
  hasAttachments: z.boolean(),
  isAwaitingReply: z.boolean(),
  customer: ZCustomerRef.nullable(),
  participants: z.array(z.string()),
  messages: z.array(
    z.object({
      id: z.number().int(),
      fromAddress: z.string().nullable(),
      fromName: z.string().nullable(),
      toAddresses: z.array(z.string()),
      ccAddresses: z.array(z.string()),
      subject: z.string(),
      sentAt: z.date().nullable(),
      isInbound: z.boolean(),
      textBody: z.string().nullable(),
      htmlBody: z.string().nullable(),
      parseProblems: z.array(z.string()),
      attachments: z.array(
        z.object({
          id: z.number().int(),
          filename: z.string().nullable(),
          contentType: z.string(),
          size: z.number().int(),
          contentId: z.string().nullable(),
          isInline: z.boolean(),
          checksum: z.string().nullable(),
          isStored: z.boolean(),
        }),
      ),
    }),
  ),
});

/** A chat or an email thread, as every procedure that acts on one names it. */
const ZConversationRef = z.object({ kind: ZKind, id: ZId });

export const ZLinkInput = ZConversationRef.extend({ customerId: ZId });

export const ZCreateCustomerInput = ZConversationRef.extend({
  name: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(320).optional(),
});

export const ZCreateCustomerOutput = z.object({
  customerId: z.number().int(),
  linked: z.object({ chats: z.number().int(), threads: z.number().int() }),
});

export const ZCustomerLookupInput = z.object({
  search: z.string().trim().min(1).max(MAX_SEARCH_LENGTH),
  limit: z.number().int().min(1).max(25).default(10),
});

export const ZCustomerLookupOutput = z.array(
  ZCustomerRef.extend({ emails: z.array(z.object({ email: z.string() })) }),
);

export const ZImportChatsInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  content: z.string().min(2).max(MAX_CHAT_EXPORT_CHARS),
});

export const ZImportChatsOutput = z.object({
  runId: z.number().int(),
  itemsDone: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  problems: z.array(z.object({ at: z.string(), reason: z.string() })),
});

export const ZSyncOutput = z.object({
  gmail: z.boolean(),
  folders: z.array(
    z.object({
      folder: z.string(),
      fetched: z.number().int(),
      created: z.number().int(),
      duplicates: z.number().int(),
      rejected: z.number().int(),
      problems: z.array(z.object({ uid: z.number().int(), reason: z.string() })),
      resynced: z.boolean(),
    }),
  ),
});

export const ZMailboxStatusOutput = z.object({
  configured: z.boolean(),
  folders: z.array(
    z.object({
      account: z.string(),
      folder: z.string(),
      lastUid: z.number().int(),
      lastSyncAt: z.date().nullable(),
      lastError: z.string().nullable(),
    }),
  ),
});

export const ZSetAwaitingReplyInput = ZConversationRef.extend({ isAwaitingReply: z.boolean() });
