// A customer with data in every place erasure must reach, for the privacy tests (int and e2e).
import type { Db } from '@keydesk/db';
import * as q from './sql/seed.ts';

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
    const customerId = q.seedCustomer.run(db, { name, now }).lastInsertRowid;
    q.seedEmail.run(db, { customerId, email, isPrimary: 1, now });
    q.seedEmail.run(db, { customerId, email: altEmail, isPrimary: 0, now });
    q.seedNote.run(db, { customerId, body: `Called ${name} about the invoice`, now });
    q.seedNewsletter.run(db, { customerId, email, now });
    const orderId = q.seedOrder.run(db, {
      customerId,
      resellerOrderId: `PP-${tag}-1`,
      purchasedAt: now - 86_400_000,
      now,
    }).lastInsertRowid;
    const licenseId = q.seedLicense.run(db, {
      customerId,
      key: licenseKey,
      keyNormalized: licenseKeyNormalized,
      orderId,
      now,
    }).lastInsertRowid;
    const outboxId = q.seedOutboxEmail.run(db, {
      customerId,
      idempotencyKey: `resend-${tag}`,
      toAddress: email,
      textBody: `Dear ${name}, your key is ${licenseKey}`,
      htmlBody: `<p>Dear ${name}, your key is <b>${licenseKey}</b></p>`,
      messageId: `<resend-${tag}@tessera.example>`,
      now,
    }).lastInsertRowid;
    q.seedResend.run(db, { customerId, licenseId, toAddress: email, outboxId, now });
    const transcriptId = q.seedChat.run(db, {
      customerId,
      externalId: `chat-${tag}`,
      visitorName: name,
      visitorEmail: email,
      snippet: chatLine.slice(0, 40),
      now,
    }).lastInsertRowid;
    q.seedVisitorMessage.run(db, { transcriptId, senderName: name, text: chatLine, now });
    q.seedAgentMessage.run(db, { transcriptId, now });
    const threadId = q.seedThread.run(db, {
      customerId,
      threadKey: `msgid:<thread-${tag}@mail.example>`,
      snippet: `From ${name}`,
      now,
    }).lastInsertRowid;
    q.seedParticipant.run(db, { threadId, address: email });
    const messageId = q.seedEmailMessage.run(db, {
      threadId,
      messageId: `<thread-${tag}@mail.example>`,
      fromAddress: email,
      fromName: name,
      textBody: `Regards, ${name} (${altEmail})`,
      now,
    }).lastInsertRowid;
    q.seedAttachment.run(db, { messageId, content: Buffer.from(`screenshot of key ${licenseKey}`) });
    q.seedWebhookEvent.run(db, {
      idempotencyKey: `PP-${tag}-1`,
      payload: JSON.stringify({ CUSTOMER_NAME: name, CUSTOMER_EMAIL: email, LICENSE: licenseKey }),
      orderId,
      now,
    });
    q.seedAuditEntry.run(db, {
      customerId,
      targetId: String(licenseId),
      details: JSON.stringify({ to: email }),
      now,
    });
    q.seedUpdateCheck.run(db, { licenseKey: licenseKeyNormalized, now });
    const campaignId = q.seedCampaign.run(db, { now }).lastInsertRowid;
    q.seedCampaignRecipient.run(db, { campaignId, customerId, email, name, now });
    q.seedSuppression.run(db, { email: altEmail, now });
    return { customerId, name, email, altEmail, licenseKey, licenseKeyNormalized, chatLine };
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
