import type { Db } from '@keydesk/db';

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
  const sqlite = db.sqlite;
  const all = (sql: string, ...params: unknown[]) =>
    (
      sqlite
        .prepare(sql)
        .safeIntegers(false)
        .all(...params) as Row[]
    ).map(tidy);
  const profileRow = sqlite
    .prepare(
      `SELECT id, name, company, country, addressLine1, addressLine2, city, region, postalCode, phone,
              firstSeenAt, lastSeenAt, createdAt, updatedAt FROM Customer WHERE id = ?`,
    )
    .safeIntegers(false)
    .get(customerId) as Row | undefined;
  if (!profileRow) return null;
  const emails = all(
    'SELECT email, isPrimary, createdAt FROM CustomerEmail WHERE customerId = ? ORDER BY id',
    customerId,
  );
  const addresses = emails.map((e) => String(e.email));
  const placeholders = addresses.map(() => '?').join(', ') || 'NULL';

  const chats = all(
    `SELECT id, source, externalId, visitorName, visitorEmail, visitorCountry, startedAt, endedAt, lastMessageAt, messageCount
     FROM ChatTranscript WHERE customerId = ? OR visitorEmail IN (${placeholders}) ORDER BY startedAt`,
    customerId,
    ...addresses,
  ).map((chat) => ({
    ...chat,
    messages: all(
      'SELECT seq, senderType, senderName, sentAt, text FROM ChatMessage WHERE transcriptId = ? ORDER BY seq',
      chat.id,
    ),
  }));

  const attachments: CustomerAttachment[] = [];
  const threads = all(
    `SELECT id, subject, firstMessageAt, lastMessageAt, messageCount, hasAttachments FROM EmailThread
     WHERE customerId = ? OR id IN (SELECT threadId FROM EmailThreadParticipant WHERE address IN (${placeholders}))
     ORDER BY firstMessageAt`,
    customerId,
    ...addresses,
  ).map((thread) => ({
    ...thread,
    messages: all(
      `SELECT id, messageId, fromAddress, fromName, toAddresses, ccAddresses, subject, sentAt, isInbound, textBody, htmlBody
       FROM EmailMessage WHERE threadId = ? ORDER BY sentAt, id`,
      thread.id,
    ).map((message) => {
      const files = sqlite
        .prepare(
          'SELECT id, filename, contentType, size, isInline, content FROM EmailAttachment WHERE messageId = ? ORDER BY id',
        )
        .safeIntegers(false)
        .all(message.id) as (Row & { id: number; filename: string | null; content: Buffer | null })[];
      return {
        ...message,
        attachments: files.map(({ content, ...meta }) => {
          if (content)
            attachments.push({
              messageId: Number(message.id),
              id: meta.id,
              filename: meta.filename,
              content,
            });
          return { ...meta, isContentIncluded: content !== null };
        }),
      };
    }),
  }));

  return {
    profile: tidy(profileRow),
    emails,
    notes: all(
      'SELECT body, createdAt, updatedAt FROM CustomerNote WHERE customerId = ? ORDER BY createdAt',
      customerId,
    ),
    newsletter: all(
      `SELECT email, status, subscribedAt, unsubscribedAt, source, updatedAt FROM NewsletterSubscription
       WHERE customerId = ? OR email IN (${placeholders})`,
      customerId,
      ...addresses,
    ),
    orders: all(
      `SELECT id, reseller, resellerOrderId, product, edition, quantity, amountMinor, currency, status, refundedMinor,
              purchasedAt, refundedAt, chargedBackAt FROM "Order" WHERE customerId = ? ORDER BY purchasedAt`,
      customerId,
    ),
    licenses: all(
      `SELECT id, key, product, edition, seats, majorVersion, status, issuedAt, revokedAt, orderId
       FROM License WHERE customerId = ? ORDER BY issuedAt`,
      customerId,
    ),
    resends: all(
      `SELECT r.requestedAt, r.toAddress, r.isAlternateAddress, l.product, o.subject, o.status, o.sentAt
       FROM LicenseResend r JOIN License l ON l.id = r.licenseId JOIN OutboxEmail o ON o.id = r.outboxId
       WHERE r.customerId = ? ORDER BY r.requestedAt`,
      customerId,
    ),
    chats,
    emailThreads: threads,
    attachments,
  };
}
