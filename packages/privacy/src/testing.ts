// A customer with data in every place erasure must reach, for the privacy tests (int and e2e).
import type { Db } from '@keydesk/db';

export type SeededPrivacyCustomer = {
  customerId: number;
  name: string;
  email: string;
  altEmail: string;
  licenseKey: string;
  licenseKeyNormalized: string;
  chatLine: string;
};

export function seedPrivacyCustomer(db: Db, tag = 'Quixwright'): SeededPrivacyCustomer {
  const sqlite = db.sqlite;
  const now = Date.now();
  const name = `Zebulon ${tag}`;
  const email = `zebulon.${tag.toLowerCase()}@erase-me.example`;
  const altEmail = `z.${tag.toLowerCase()}@work-erase.example`;
  const licenseKeyNormalized = `ZQ${tag.toUpperCase().slice(0, 6)}7K2M9P4X8`;
  const licenseKey = `${licenseKeyNormalized.slice(0, 5)}-${licenseKeyNormalized.slice(5, 10)}-${licenseKeyNormalized.slice(10)}`;
  const chatLine = `Hello, this is ${name}, my key ${licenseKey} stopped working`;
  return sqlite.transaction(() => {
    const id = Number(
      sqlite
        .prepare(
          `INSERT INTO Customer (name, company, country, addressLine1, city, postalCode, phone, firstSeenAt, lastSeenAt, createdAt, updatedAt)
           VALUES (?, 'Quixwright Ltd', 'GB', '7 Erasure Lane', 'Leeds', 'LS1 4QX', '+44 113 496 0777', ?, ?, ?, ?)`,
        )
        .run(name, now, now, now, now).lastInsertRowid,
    );
    const run = (sql: string, ...params: unknown[]) =>
      Number(sqlite.prepare(sql).run(...params).lastInsertRowid);
    run(
      'INSERT INTO CustomerEmail (customerId, email, isPrimary, createdAt) VALUES (?, ?, 1, ?)',
      id,
      email,
      now,
    );
    run(
      'INSERT INTO CustomerEmail (customerId, email, isPrimary, createdAt) VALUES (?, ?, 0, ?)',
      id,
      altEmail,
      now,
    );
    run(
      'INSERT INTO CustomerNote (customerId, body, createdAt, updatedAt) VALUES (?, ?, ?, ?)',
      id,
      `Called ${name} about the invoice`,
      now,
      now,
    );
    run(
      `INSERT INTO NewsletterSubscription (email, customerId, status, subscribedAt, source, updatedAt) VALUES (?, ?, 'subscribed', ?, 'csv', ?)`,
      email,
      id,
      now,
      now,
    );
    const orderId = run(
      `INSERT INTO "Order" (reseller, resellerOrderId, customerId, product, edition, quantity, amountMinor, currency, status, purchasedAt, createdAt, updatedAt)
       VALUES ('paypro', ?, ?, 'Tessera Draw', 'Pro', 1, 12900, 'EUR', 'completed', ?, ?, ?)`,
      `PP-${tag}-1`,
      id,
      now - 86_400_000,
      now,
      now,
    );
    const licenseId = run(
      `INSERT INTO License (key, keyNormalized, product, edition, seats, majorVersion, status, issuedAt, orderId, customerId, createdAt, updatedAt)
       VALUES (?, ?, 'Tessera Draw', 'Pro', 1, 5, 'active', ?, ?, ?, ?, ?)`,
      licenseKey,
      licenseKeyNormalized,
      now,
      orderId,
      id,
      now,
      now,
    );
    const outboxId = run(
      `INSERT INTO OutboxEmail (kind, idempotencyKey, fromAddress, toAddress, subject, textBody, htmlBody, messageId, status, customerId, createdAt, nextAttemptAt)
       VALUES ('license_resend', ?, 'support@tessera.example', ?, 'Your license key', ?, ?, ?, 'sent', ?, ?, ?)`,
      `resend-${tag}`,
      email,
      `Dear ${name}, your key is ${licenseKey}`,
      `<p>Dear ${name}, your key is <b>${licenseKey}</b></p>`,
      `<resend-${tag}@tessera.example>`,
      id,
      now,
      now,
    );
    run(
      'INSERT INTO LicenseResend (licenseId, customerId, toAddress, outboxId, requestedAt) VALUES (?, ?, ?, ?, ?)',
      licenseId,
      id,
      email,
      outboxId,
      now,
    );
    const chatId = run(
      `INSERT INTO ChatTranscript (source, externalId, customerId, visitorName, visitorEmail, startedAt, lastMessageAt, messageCount, snippet, createdAt)
       VALUES ('tawk', ?, ?, ?, ?, ?, ?, 2, ?, ?)`,
      `chat-${tag}`,
      id,
      name,
      email,
      now,
      now,
      chatLine.slice(0, 40),
      now,
    );
    run(
      `INSERT INTO ChatMessage (transcriptId, seq, senderType, senderName, sentAt, text) VALUES (?, 1, 'visitor', ?, ?, ?)`,
      chatId,
      name,
      now,
      chatLine,
    );
    run(
      `INSERT INTO ChatMessage (transcriptId, seq, senderType, senderName, sentAt, text) VALUES (?, 2, 'agent', 'Support', ?, 'Sorry to hear that')`,
      chatId,
      now,
    );
    const threadId = run(
      `INSERT INTO EmailThread (threadKey, subject, customerId, firstMessageAt, lastMessageAt, messageCount, hasAttachments, snippet, createdAt)
       VALUES (?, 'Key problem', ?, ?, ?, 1, 1, ?, ?)`,
      `msgid:<thread-${tag}@mail.example>`,
      id,
      now,
      now,
      `From ${name}`,
      now,
    );
    run('INSERT INTO EmailThreadParticipant (threadId, address) VALUES (?, ?)', threadId, email);
    const messageId = run(
      `INSERT INTO EmailMessage (threadId, messageId, fromAddress, fromName, toAddresses, subject, sentAt, isInbound, textBody, source, createdAt)
       VALUES (?, ?, ?, ?, '["support@tessera.example"]', 'Key problem', ?, 1, ?, 'mbox', ?)`,
      threadId,
      `<thread-${tag}@mail.example>`,
      email,
      name,
      now,
      `Regards, ${name} (${altEmail})`,
      now,
    );
    run(
      `INSERT INTO EmailAttachment (messageId, filename, contentType, size, content) VALUES (?, 'screenshot.txt', 'text/plain', 32, ?)`,
      messageId,
      Buffer.from(`screenshot of key ${licenseKey}`),
    );
    run(
      `INSERT INTO WebhookEvent (source, idempotencyKey, receivedAt, payload, status, orderId) VALUES ('paypro', ?, ?, ?, 'processed', ?)`,
      `PP-${tag}-1`,
      now,
      JSON.stringify({ CUSTOMER_NAME: name, CUSTOMER_EMAIL: email, LICENSE: licenseKey }),
      orderId,
    );
    run(
      `INSERT INTO AuditLog (at, actor, action, customerId, targetType, targetId, details) VALUES (?, 'owner', 'license.resend', ?, 'license', ?, ?)`,
      now,
      id,
      String(licenseId),
      JSON.stringify({ to: email }),
    );
    run(
      `INSERT INTO UpdateCheckRaw (receivedAt, ip, product, appVersion, os, osVersion, language, licenseKey) VALUES (?, '203.0.113.9', 'Tessera Draw', '5.1', 'win', '11', 'en', ?)`,
      now,
      licenseKeyNormalized,
    );
    return { customerId: id, name, email, altEmail, licenseKey, licenseKeyNormalized, chatLine };
  })();
}

export {
  CARD_SEPARATORS,
  cardDigits,
  cardInText,
  type DisguisedCard,
  disguise,
  nonCardDigits,
} from './card-number-arbitraries.ts';
