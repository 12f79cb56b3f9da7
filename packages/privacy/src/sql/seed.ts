// The inserts of the privacy test fixture (testing.ts): one customer with data in every place
// erasure must reach. Fixed values are written into the text; what varies per tag is bound.
import { sql } from '@keydesk/db';

type Now = { now: number };
type CustomerId = { customerId: number };

export const seedCustomer = sql<never, Now & { name: string }>(
  `INSERT INTO Customer (name, company, country, addressLine1, city, postalCode, phone, firstSeenAt, lastSeenAt, createdAt, updatedAt)
   VALUES (@name, 'Quixwright Ltd', 'GB', '7 Erasure Lane', 'Leeds', 'LS1 4QX', '+44 113 496 0777', @now, @now, @now, @now)`,
);
export const seedEmail = sql<never, Now & CustomerId & { email: string; isPrimary: number }>(
  'INSERT INTO CustomerEmail (customerId, email, isPrimary, createdAt) VALUES (@customerId, @email, @isPrimary, @now)',
);
export const seedNote = sql<never, Now & CustomerId & { body: string }>(
  'INSERT INTO CustomerNote (customerId, body, createdAt, updatedAt) VALUES (@customerId, @body, @now, @now)',
);
export const seedNewsletter = sql<never, Now & CustomerId & { email: string }>(
  `INSERT INTO NewsletterSubscription (email, customerId, status, subscribedAt, source, updatedAt)
   VALUES (@email, @customerId, 'subscribed', @now, 'csv', @now)`,
);
export const seedOrder = sql<never, Now & CustomerId & { resellerOrderId: string; purchasedAt: number }>(
  `INSERT INTO "Order" (reseller, resellerOrderId, customerId, product, edition, quantity, amountMinor, currency, status, purchasedAt, createdAt, updatedAt)
   VALUES ('paypro', @resellerOrderId, @customerId, 'Tessera Draw', 'Pro', 1, 12900, 'EUR', 'completed', @purchasedAt, @now, @now)`,
);
export const seedLicense = sql<
  never,
  Now & CustomerId & { key: string; keyNormalized: string; orderId: number }
>(
  `INSERT INTO License (key, keyNormalized, product, edition, seats, majorVersion, status, issuedAt, orderId, customerId, createdAt, updatedAt)
   VALUES (@key, @keyNormalized, 'Tessera Draw', 'Pro', 1, 5, 'active', @now, @orderId, @customerId, @now, @now)`,
);
export const seedOutboxEmail = sql<
  never,
  Now &
    CustomerId & {
      idempotencyKey: string;
      toAddress: string;
      textBody: string;
      htmlBody: string;
      messageId: string;
    }
>(
  `INSERT INTO OutboxEmail (kind, idempotencyKey, fromAddress, toAddress, subject, textBody, htmlBody, messageId, status, customerId, createdAt, nextAttemptAt)
   VALUES ('license_resend', @idempotencyKey, 'support@tessera.example', @toAddress, 'Your license key', @textBody, @htmlBody, @messageId, 'sent', @customerId, @now, @now)`,
);
export const seedResend = sql<
  never,
  Now & CustomerId & { licenseId: number; toAddress: string; outboxId: number }
>(
  `INSERT INTO LicenseResend (licenseId, customerId, toAddress, outboxId, requestedAt)
   VALUES (@licenseId, @customerId, @toAddress, @outboxId, @now)`,
);
export const seedChat = sql<
  never,
  Now & CustomerId & { externalId: string; visitorName: string; visitorEmail: string; snippet: string }
>(
  `INSERT INTO ChatTranscript (source, externalId, customerId, visitorName, visitorEmail, startedAt, lastMessageAt, messageCount, snippet, createdAt)
   VALUES ('tawk', @externalId, @customerId, @visitorName, @visitorEmail, @now, @now, 2, @snippet, @now)`,
);
export const seedVisitorMessage = sql<
  never,
  Now & { transcriptId: number; senderName: string; text: string }
>(
  `INSERT INTO ChatMessage (transcriptId, seq, senderType, senderName, sentAt, text)
   VALUES (@transcriptId, 1, 'visitor', @senderName, @now, @text)`,
);
export const seedAgentMessage = sql<never, Now & { transcriptId: number }>(
  `INSERT INTO ChatMessage (transcriptId, seq, senderType, senderName, sentAt, text)
   VALUES (@transcriptId, 2, 'agent', 'Support', @now, 'Sorry to hear that')`,
);
export const seedThread = sql<never, Now & CustomerId & { threadKey: string; snippet: string }>(
  `INSERT INTO EmailThread (threadKey, subject, customerId, firstMessageAt, lastMessageAt, messageCount, hasAttachments, snippet, createdAt)
   VALUES (@threadKey, 'Key problem', @customerId, @now, @now, 1, 1, @snippet, @now)`,
);
export const seedParticipant = sql<never, { threadId: number; address: string }>(
  'INSERT INTO EmailThreadParticipant (threadId, address) VALUES (@threadId, @address)',
);
export const seedEmailMessage = sql<
  never,
  Now & { threadId: number; messageId: string; fromAddress: string; fromName: string; textBody: string }
>(
  `INSERT INTO EmailMessage (threadId, messageId, fromAddress, fromName, toAddresses, subject, sentAt, isInbound, textBody, source, createdAt)
   VALUES (@threadId, @messageId, @fromAddress, @fromName, '["support@tessera.example"]', 'Key problem', @now, 1, @textBody, 'mbox', @now)`,
);
export const seedAttachment = sql<never, { messageId: number; content: Buffer }>(
  `INSERT INTO EmailAttachment (messageId, filename, contentType, size, content)
   VALUES (@messageId, 'screenshot.txt', 'text/plain', 32, @content)`,
);
export const seedWebhookEvent = sql<
  never,
  Now & { idempotencyKey: string; payload: string; orderId: number }
>(
  `INSERT INTO WebhookEvent (source, idempotencyKey, receivedAt, payload, status, orderId)
   VALUES ('paypro', @idempotencyKey, @now, @payload, 'processed', @orderId)`,
);
export const seedAuditEntry = sql<never, Now & CustomerId & { targetId: string; details: string }>(
  `INSERT INTO AuditLog (at, actor, action, customerId, targetType, targetId, details)
   VALUES (@now, 'owner', 'license.resend', @customerId, 'license', @targetId, @details)`,
);
export const seedUpdateCheck = sql<never, Now & { licenseKey: string }>(
  `INSERT INTO UpdateCheckRaw (receivedAt, ip, product, appVersion, os, osVersion, language, licenseKey)
   VALUES (@now, '203.0.113.9', 'Tessera Draw', '5.1', 'win', '11', 'en', @licenseKey)`,
);

export const seedCampaign = sql<never, Now>(
  `INSERT INTO Campaign (name, topic, audience, subject, textBody, htmlBody, status, createdAt, updatedAt, startedAt)
   VALUES ('Tessera 6', 'updates', '{"include":[{"kind":"license"}],"exclude":[]}', 'Tessera 6 is out', 'Hello {{name}}', '<p>Hello {{name}}</p>', 'sending', @now, @now, @now)`,
);
export const seedCampaignRecipient = sql<
  never,
  Now & CustomerId & { campaignId: number; email: string; name: string }
>(
  `INSERT INTO CampaignRecipient (campaignId, email, customerId, name, status, createdAt)
   VALUES (@campaignId, @email, @customerId, @name, 'pending', @now)`,
);
export const seedSuppression = sql<never, Now & { email: string }>(
  `INSERT INTO EmailSuppression (email, reason, at) VALUES (@email, 'hard_bounce', @now)`,
);
