// The export's statements (see collect-customer-data.ts): every row Keydesk holds about one
// customer, columns as stored. Their addresses are bound as one JSON array and read with
// json_each, so the text never depends on how many there are.
import { type SqlValue, sql } from '@keydesk/db';

/** Rows go to the customer as they are, so only the columns the export reads are typed. */
export type ExportRow = Record<string, SqlValue>;
type CustomerId = { customerId: number };
type Addresses = CustomerId & { addresses: string };
type Id = { id: number };

export const customerProfile = sql<ExportRow, Id>(
  `SELECT id, name, company, country, addressLine1, addressLine2, city, region, postalCode, phone,
          firstSeenAt, lastSeenAt, createdAt, updatedAt FROM Customer WHERE id = @id`,
);
export const customerEmails = sql<ExportRow & { email: string }, CustomerId>(
  'SELECT email, isPrimary, createdAt FROM CustomerEmail WHERE customerId = @customerId ORDER BY id',
);
export const customerChats = sql<ExportRow & { id: number }, Addresses>(
  `SELECT id, source, externalId, visitorName, visitorEmail, visitorCountry, startedAt, endedAt, lastMessageAt, messageCount
   FROM ChatTranscript WHERE customerId = @customerId OR visitorEmail IN (SELECT value FROM json_each(@addresses))
   ORDER BY startedAt`,
);
export const chatMessages = sql<ExportRow, Id>(
  'SELECT seq, senderType, senderName, sentAt, text FROM ChatMessage WHERE transcriptId = @id ORDER BY seq',
);
export const customerThreads = sql<ExportRow & { id: number }, Addresses>(
  `SELECT id, subject, firstMessageAt, lastMessageAt, messageCount, hasAttachments FROM EmailThread
   WHERE customerId = @customerId
     OR id IN (SELECT threadId FROM EmailThreadParticipant WHERE address IN (SELECT value FROM json_each(@addresses)))
   ORDER BY firstMessageAt`,
);
export const threadMessages = sql<ExportRow & { id: number }, Id>(
  `SELECT id, messageId, fromAddress, fromName, toAddresses, ccAddresses, subject, sentAt, isInbound, textBody, htmlBody
   FROM EmailMessage WHERE threadId = @id ORDER BY sentAt, id`,
);
export const messageAttachments = sql<
  ExportRow & { id: number; filename: string | null; content: Buffer | null },
  Id
>(
  'SELECT id, filename, contentType, size, isInline, content FROM EmailAttachment WHERE messageId = @id ORDER BY id',
);
export const customerNotes = sql<ExportRow, CustomerId>(
  'SELECT body, createdAt, updatedAt FROM CustomerNote WHERE customerId = @customerId ORDER BY createdAt',
);
export const customerNewsletter = sql<ExportRow, Addresses>(
  `SELECT email, status, subscribedAt, unsubscribedAt, source, updatedAt FROM NewsletterSubscription
   WHERE customerId = @customerId OR email IN (SELECT value FROM json_each(@addresses))`,
);
export const customerOrders = sql<ExportRow, CustomerId>(
  `SELECT id, reseller, resellerOrderId, product, edition, quantity, amountMinor, currency, status, refundedMinor,
          purchasedAt, refundedAt, chargedBackAt FROM "Order" WHERE customerId = @customerId ORDER BY purchasedAt`,
);
export const customerLicenses = sql<ExportRow, CustomerId>(
  `SELECT id, key, product, edition, seats, majorVersion, status, issuedAt, revokedAt, orderId
   FROM License WHERE customerId = @customerId ORDER BY issuedAt`,
);
export const customerResends = sql<ExportRow, CustomerId>(
  `SELECT r.requestedAt, r.toAddress, r.isAlternateAddress, l.product, o.subject, o.status, o.sentAt
   FROM LicenseResend r JOIN License l ON l.id = r.licenseId JOIN OutboxEmail o ON o.id = r.outboxId
   WHERE r.customerId = @customerId ORDER BY r.requestedAt`,
);
