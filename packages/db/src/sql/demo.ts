// The demo generator's statements (see demo/): plain inserts, written in large transactions.
// Part of the db package's SQL home, beside search-index.ts.
import type { LicenseValues } from '../license-values.ts';
import { type SqlValue, sql } from '../sql.ts';

type Email = { email: string };

export const demoEmailExists = sql<{ found: number }, Email>(
  'SELECT 1 AS found FROM CustomerEmail WHERE email = @email',
);
export const insertDemoCustomer = sql<
  never,
  {
    name: string;
    company: string | null;
    country: string;
    addressLine1: string;
    city: string;
    postalCode: string;
    firstSeenAt: number;
    lastSeenAt: number;
  }
>(
  `INSERT INTO Customer (name, company, country, addressLine1, city, postalCode, firstSeenAt, lastSeenAt, createdAt, updatedAt)
   VALUES (@name, @company, @country, @addressLine1, @city, @postalCode, @firstSeenAt, @lastSeenAt, @firstSeenAt, @lastSeenAt)`,
);
export const insertDemoEmail = sql<
  never,
  Email & { customerId: number; isPrimary: number; createdAt: number }
>(
  'INSERT OR IGNORE INTO CustomerEmail (customerId, email, isPrimary, createdAt) VALUES (@customerId, @email, @isPrimary, @createdAt)',
);
export const insertDemoOrder = sql<
  never,
  {
    reseller: string;
    resellerOrderId: string;
    customerId: number;
    product: string;
    edition: string;
    quantity: number;
    amountMinor: number;
    currency: string;
    status: string;
    refundedMinor: number;
    purchasedAt: number;
    refundedAt: number | null;
    chargedBackAt: number | null;
  }
>(
  `INSERT OR IGNORE INTO "Order" (reseller, resellerOrderId, customerId, product, edition, quantity, amountMinor, currency, status, refundedMinor, isTest, purchasedAt, refundedAt, chargedBackAt, createdAt, updatedAt)
   VALUES (@reseller, @resellerOrderId, @customerId, @product, @edition, @quantity, @amountMinor, @currency, @status, @refundedMinor, 0, @purchasedAt, @refundedAt, @chargedBackAt, @purchasedAt, @purchasedAt)`,
);
export const insertDemoLicense = sql<never, LicenseValues>(
  `INSERT OR IGNORE INTO License (key, keyNormalized, product, edition, seats, majorVersion, status, issuedAt, revokedAt, orderId, customerId, createdAt, updatedAt)
   VALUES (@key, @keyNormalized, @product, @edition, @seats, @majorVersion, @status, @issuedAt, @revokedAt, @orderId, @customerId, @issuedAt, @issuedAt)`,
);
export const insertDemoNewsletter = sql<
  never,
  Email & { customerId: number; status: string; subscribedAt: number; unsubscribedAt: number | null }
>(
  `INSERT OR IGNORE INTO NewsletterSubscription (email, customerId, status, subscribedAt, unsubscribedAt, source, updatedAt)
   VALUES (@email, @customerId, @status, @subscribedAt, @unsubscribedAt, 'demo', @subscribedAt)`,
);

export const demoCustomerById = sql<{ id: number; name: string; email: string }, { id: number }>(
  `SELECT c.id AS id, c.name AS name, e.email AS email FROM Customer c JOIN CustomerEmail e ON e.customerId = c.id AND e.isPrimary = 1 WHERE c.id = @id`,
);
export const maxCustomerId = sql<{ maxId: number }>('SELECT COALESCE(MAX(id), 0) AS maxId FROM Customer');
export const insertDemoChat = sql<
  never,
  {
    externalId: string;
    customerId: number | null;
    visitorName: string;
    visitorEmail: string | null;
    visitorCountry: string;
    startedAt: number;
    isAwaitingReply: number;
  }
>(
  `INSERT OR IGNORE INTO ChatTranscript (source, externalId, customerId, visitorName, visitorEmail, visitorCountry, startedAt, endedAt, lastMessageAt, messageCount, isAwaitingReply, snippet, createdAt)
   VALUES ('tawk', @externalId, @customerId, @visitorName, @visitorEmail, @visitorCountry, @startedAt, NULL, @startedAt, 0, @isAwaitingReply, NULL, @startedAt)`,
);
export const finishDemoChat = sql<
  never,
  { id: number; endedAt: number; messageCount: number; snippet: string }
>(
  'UPDATE ChatTranscript SET endedAt = @endedAt, lastMessageAt = @endedAt, messageCount = @messageCount, snippet = @snippet WHERE id = @id',
);
export const finishDemoThread = sql<never, { id: number; lastMessageAt: number; snippet: string }>(
  'UPDATE EmailThread SET lastMessageAt = @lastMessageAt, snippet = @snippet WHERE id = @id',
);
export const insertDemoChatMessage = sql<
  never,
  { transcriptId: number; seq: number; senderType: string; senderName: string; sentAt: number; text: string }
>(
  'INSERT INTO ChatMessage (transcriptId, seq, senderType, senderName, sentAt, text) VALUES (@transcriptId, @seq, @senderType, @senderName, @sentAt, @text)',
);
export const insertDemoThread = sql<
  never,
  {
    threadKey: string;
    subject: string;
    customerId: number | null;
    firstMessageAt: number;
    messageCount: number;
    isAwaitingReply: number;
  }
>(
  `INSERT OR IGNORE INTO EmailThread (threadKey, subject, customerId, firstMessageAt, lastMessageAt, messageCount, hasAttachments, isAwaitingReply, snippet, createdAt)
   VALUES (@threadKey, @subject, @customerId, @firstMessageAt, @firstMessageAt, @messageCount, 0, @isAwaitingReply, NULL, @firstMessageAt)`,
);
export const insertDemoParticipant = sql<never, { threadId: number; address: string }>(
  'INSERT OR IGNORE INTO EmailThreadParticipant (threadId, address) VALUES (@threadId, @address)',
);
export const insertDemoMessage = sql<
  never,
  {
    threadId: number;
    messageId: string;
    inReplyTo: string | null;
    references: string | null;
    fromAddress: string;
    fromName: string;
    toAddresses: string;
    subject: string;
    sentAt: number;
    isInbound: number;
    textBody: string;
    snippet: string;
  }
>(
  `INSERT OR IGNORE INTO EmailMessage (threadId, messageId, inReplyTo, "references", fromAddress, fromName, toAddresses, subject, sentAt, isInbound, textBody, snippet, source, createdAt)
   VALUES (@threadId, @messageId, @inReplyTo, @references, @fromAddress, @fromName, @toAddresses, @subject, @sentAt, @isInbound, @textBody, @snippet, 'demo', @sentAt)`,
);

/**
 * One daily-counter upsert: `keys` name the row, `values` are replaced. Table and column names
 * come from the constants below, never from input.
 */
function dailyUpsert<const K extends string, const V extends string>(table: string, keys: K[], values: V[]) {
  const columns = [...keys, ...values];
  return sql<never, Record<K | V, SqlValue>>(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${values.map((v) => `${v} = excluded.${v}`).join(', ')}`,
  );
}

export const upsertDemoCountryDay = dailyUpsert(
  'WebDailyCountry',
  ['day', 'country'],
  ['pageViews', 'visitors'],
);
export const upsertDemoBrowserDay = dailyUpsert(
  'WebDailyBrowser',
  ['day', 'browser', 'browserVersion', 'os'],
  ['pageViews', 'visitors'],
);
export const upsertDemoReferrerDay = dailyUpsert('WebDailyReferrer', ['day', 'domain'], ['pageViews']);
export const upsertDemoBotDay = dailyUpsert('WebDailyBot', ['day', 'bot'], ['requests']);
export const upsertDemoDownloadDay = dailyUpsert('DownloadDaily', ['day', 'file'], ['downloads']);
export const upsertDemoUpdateCheckDay = dailyUpsert(
  'UpdateCheckDaily',
  ['day', 'product', 'os', 'osVersion', 'appVersion', 'language', 'isLicensed'],
  ['checks'],
);
/** Never overwrites a rate fetched from the ECB. */
export const insertDemoRate = sql<
  never,
  { currency: string; day: string; perEuro: number; fetchedAt: number }
>(
  `INSERT OR IGNORE INTO ExchangeRate (currency, day, perEuro, fetchedAt)
   VALUES (@currency, @day, @perEuro, @fetchedAt)`,
);
