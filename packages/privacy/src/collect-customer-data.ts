import type { Db } from '@keydesk/db';
import {
  chatMessages,
  customerChats,
  customerEmails,
  customerLicenses,
  customerNewsletter,
  customerNotes,
  customerOrders,
  customerProfile,
  customerResends,
  customerThreads,
  messageAttachments,
  threadMessages,
} from './sql/export.ts';

type Row = Record<string, unknown>;

export type CustomerAttachment = {
  messageId: number;
  id: number;
  filename: string | null;
  content: Uint8Array;
};

/** Everything Keydesk holds about one customer, as plain rows (times as ISO text). */
export type CustomerData = {
  profile: Row;
  emails: Row[];
  notes: Row[];
  newsletter: Row[];
  orders: Row[];
  licenses: Row[];
  resends: Row[];
  chats: (Row & { messages: Row[] })[];
  emailThreads: (Row & { messages: (Row & { attachments: Row[] })[] })[];
  attachments: CustomerAttachment[];
};

const TIME_COLUMNS = new Set([
  'firstSeenAt',
  'lastSeenAt',
  'createdAt',
  'updatedAt',
  'purchasedAt',
  'refundedAt',
  'chargedBackAt',
  'issuedAt',
  'revokedAt',
  'requestedAt',
  'sentAt',
  'subscribedAt',
  'unsubscribedAt',
  'startedAt',
  'endedAt',
  'lastMessageAt',
  'firstMessageAt',
  'nextAttemptAt',
]);

// Epoch-ms integers become ISO text and 0/1 flags stay numbers: the reader gets dates they can read.
function tidy(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = TIME_COLUMNS.has(key) && typeof value === 'number' ? new Date(value).toISOString() : value;
  }
  return out;
}

export function collectCustomerData(db: Db, customerId: number): CustomerData | null {
  const profileRow = customerProfile.get(db, { id: customerId });
  if (!profileRow) return null;
  const emailRows = customerEmails.all(db, { customerId });
  const emails = emailRows.map(tidy);
  const addresses = JSON.stringify(emailRows.map((e) => String(e.email)));

  const chats = customerChats.all(db, { customerId, addresses }).map((chat) => ({
    ...tidy(chat),
    messages: chatMessages.all(db, { id: chat.id }).map(tidy),
  }));

  const attachments: CustomerAttachment[] = [];
  const threads = customerThreads.all(db, { customerId, addresses }).map((thread) => ({
    ...tidy(thread),
    messages: threadMessages.all(db, { id: thread.id }).map((message) => {
      const files = messageAttachments.all(db, { id: message.id });
      return {
        ...tidy(message),
        attachments: files.map(({ content, ...meta }) => {
          if (content)
            attachments.push({ messageId: message.id, id: meta.id, filename: meta.filename, content });
          return { ...meta, isContentIncluded: content !== null };
        }),
      };
    }),
  }));

  return {
    profile: tidy(profileRow),
    emails,
    notes: customerNotes.all(db, { customerId }).map(tidy),
    newsletter: customerNewsletter.all(db, { customerId, addresses }).map(tidy),
    orders: customerOrders.all(db, { customerId }).map(tidy),
    licenses: customerLicenses.all(db, { customerId }).map(tidy),
    resends: customerResends.all(db, { customerId }).map(tidy),
    chats,
    emailThreads: threads,
    attachments,
  };
}
