// Erasure's statements (see erase-customer.ts): finding what holds the customer, then deleting
// or blanking it. Each takes one value, matched exactly or as a lower-cased substring.
import { sql } from '@keydesk/db';

type Id = { id: number };
type CustomerId = { customerId: number };
type Email = { email: string };
type Term = { term: string };
type Found = { id: number };

export const chatsOfCustomer = sql<Found, CustomerId>(
  'SELECT id FROM ChatTranscript WHERE customerId = @customerId',
);
export const threadsOfCustomer = sql<Found, CustomerId>(
  'SELECT id FROM EmailThread WHERE customerId = @customerId',
);
export const chatsByVisitorEmail = sql<Found, Email>(
  'SELECT id FROM ChatTranscript WHERE visitorEmail = @email',
);
export const threadsByParticipant = sql<Found, Email>(
  'SELECT threadId AS id FROM EmailThreadParticipant WHERE address = @email',
);
export const threadsBySender = sql<Found, Email>(
  'SELECT threadId AS id FROM EmailMessage WHERE lower(fromAddress) = @email',
);
export const chatMessagesMentioning = sql<Found, Term>(
  'SELECT id FROM ChatMessage WHERE instr(lower(text), @term) > 0',
);
export const emailMessagesMentioning = sql<Found, Term>(
  `SELECT id FROM EmailMessage WHERE instr(lower(COALESCE(textBody, '') || ' ' || COALESCE(htmlBody, '') || ' ' ||
     COALESCE(toAddresses, '') || ' ' || COALESCE(ccAddresses, '') || ' ' || subject), @term) > 0`,
);

export const deleteChatMessagesOfChat = sql<never, Id>('DELETE FROM ChatMessage WHERE transcriptId = @id');
export const deleteChat = sql<never, Id>('DELETE FROM ChatTranscript WHERE id = @id');
export const chatOfMessage = sql<{ transcriptId: number }, Id>(
  'SELECT transcriptId FROM ChatMessage WHERE id = @id',
);
export const deleteChatMessage = sql<never, Id>('DELETE FROM ChatMessage WHERE id = @id');
export const recountChat = sql<never, Id>(
  'UPDATE ChatTranscript SET messageCount = (SELECT COUNT(*) FROM ChatMessage WHERE transcriptId = @id), snippet = NULL WHERE id = @id',
);

export const deleteAttachmentsOfThread = sql<never, Id>(
  'DELETE FROM EmailAttachment WHERE messageId IN (SELECT id FROM EmailMessage WHERE threadId = @id)',
);
export const deleteMessagesOfThread = sql<never, Id>('DELETE FROM EmailMessage WHERE threadId = @id');
export const deleteParticipantsOfThread = sql<never, Id>(
  'DELETE FROM EmailThreadParticipant WHERE threadId = @id',
);
export const deleteThread = sql<never, Id>('DELETE FROM EmailThread WHERE id = @id');
export const threadOfMessage = sql<{ threadId: number }, Id>(
  'SELECT threadId FROM EmailMessage WHERE id = @id',
);
export const deleteAttachmentsOfMessage = sql<never, Id>('DELETE FROM EmailAttachment WHERE messageId = @id');
export const deleteEmailMessage = sql<never, Id>('DELETE FROM EmailMessage WHERE id = @id');
export const recountThread = sql<never, Id>(
  'UPDATE EmailThread SET messageCount = (SELECT COUNT(*) FROM EmailMessage WHERE threadId = @id), snippet = NULL WHERE id = @id',
);
export const deleteParticipantAddress = sql<never, Email>(
  'DELETE FROM EmailThreadParticipant WHERE address = @email',
);

export const deleteResendsOfCustomer = sql<never, CustomerId>(
  'DELETE FROM LicenseResend WHERE customerId = @customerId',
);
export const deleteResendsOfLicense = sql<never, Id>('DELETE FROM LicenseResend WHERE licenseId = @id');
export const deleteOutboxOfCustomer = sql<never, CustomerId>(
  'DELETE FROM OutboxEmail WHERE customerId = @customerId',
);
export const deleteOutboxTo = sql<never, Email>('DELETE FROM OutboxEmail WHERE lower(toAddress) = @email');
export const deleteOutboxMentioning = sql<never, Term>(
  'DELETE FROM OutboxEmail WHERE instr(lower(textBody || htmlBody || subject), @term) > 0',
);

// Announcements: the person's place in every campaign, and any suppression of their addresses
// (a suppression names an address; once the person is gone there is nobody to protect).
export const deleteCampaignRecipientsOfCustomer = sql<never, CustomerId>(
  'DELETE FROM CampaignRecipient WHERE customerId = @customerId',
);
export const deleteCampaignRecipientsTo = sql<never, Email>(
  'DELETE FROM CampaignRecipient WHERE email = @email',
);
export const deleteSuppressionOf = sql<never, Email>('DELETE FROM EmailSuppression WHERE email = @email');

export const deleteNewsletterByEmail = sql<never, Email>(
  'DELETE FROM NewsletterSubscription WHERE email = @email',
);
export const deleteNewsletterOfCustomer = sql<never, CustomerId>(
  'DELETE FROM NewsletterSubscription WHERE customerId = @customerId',
);
export const deleteUpdateChecksOfKey = sql<never, { key: string }>(
  'DELETE FROM UpdateCheckRaw WHERE licenseKey = @key',
);
/** Unique placeholder keys: the license still counts in "licenses issued" but leads to nobody. */
export const anonymiseLicenses = sql<never, CustomerId & { updatedAt: number }>(
  `UPDATE License SET key = 'erased-' || id, keyNormalized = 'ERASED' || id, customerId = NULL, updatedAt = @updatedAt WHERE customerId = @customerId`,
);
export const anonymiseOrders = sql<never, CustomerId>(
  'UPDATE "Order" SET customerId = NULL WHERE customerId = @customerId',
);

export const blankWebhooksOfCustomer = sql<never, CustomerId>(
  `UPDATE WebhookEvent SET payload = '', result = NULL, customerId = NULL WHERE customerId = @customerId`,
);
export const blankWebhooksOfOrder = sql<never, Id>(
  `UPDATE WebhookEvent SET payload = '', result = NULL WHERE orderId = @id AND payload <> ''`,
);
export const blankTawkWebhooksMentioning = sql<never, Term>(
  `UPDATE WebhookEvent SET payload = '', result = NULL
   WHERE source = 'tawk' AND payload <> '' AND instr(lower(payload || ' ' || COALESCE(result, '')), @term) > 0`,
);
export const clearImportErrorsMentioning = sql<never, Term>(
  'UPDATE ImportRun SET errors = NULL WHERE instr(lower(errors), @term) > 0',
);
export const clearAuditDetailsOfCustomer = sql<never, CustomerId>(
  'UPDATE AuditLog SET details = NULL WHERE customerId = @customerId AND details IS NOT NULL',
);
export const clearAuditDetailsMentioning = sql<never, Term>(
  'UPDATE AuditLog SET details = NULL WHERE instr(lower(details), @term) > 0',
);

export const deleteNotesOfCustomer = sql<never, CustomerId>(
  'DELETE FROM CustomerNote WHERE customerId = @customerId',
);
export const deleteEmailsOfCustomer = sql<never, CustomerId>(
  'DELETE FROM CustomerEmail WHERE customerId = @customerId',
);
export const deleteCustomer = sql<never, Id>('DELETE FROM Customer WHERE id = @id');
