import { recordAudit } from '@keydesk/audit';
import { type Db, DomainError, NotFoundError } from '@keydesk/db';
import { type CustomerIdentity, findCustomerIdentity } from './customer-identity.ts';
import { fts5Tables, optimizeFts5 } from './sql/database.ts';
import * as q from './sql/erase.ts';

export class ErasureConfirmationError extends DomainError {
  readonly kind = 'invalid';
}

/** What one erasure removed, by kind; each count starts at nothing. */
const NOTHING_ERASED = {
  emails: 0,
  notes: 0,
  newsletter: 0,
  chats: 0,
  chatMessages: 0,
  emailThreads: 0,
  emailMessages: 0,
  outbox: 0,
  resends: 0,
  campaignRecipients: 0,
  suppressions: 0,
  ordersAnonymised: 0,
  licensesAnonymised: 0,
  webhookPayloads: 0,
  auditDetails: 0,
  updateChecks: 0,
};

export type ErasureCounts = Record<keyof typeof NOTHING_ERASED, number>;

export type EraseCustomerOptions = {
  db: Db;
  customerId: number;
  /** The owner types one of the customer's addresses: erasure cannot be undone. */
  confirmEmail: string;
  now?: Date;
  ip?: string | null;
};

/**
 * Removes a customer's personal data everywhere Keydesk keeps it, in one transaction, then makes
 * sure the bytes are gone from the file too (secure_delete, FTS merge, VACUUM, WAL checkpoint).
 * Orders keep amount, date and product with no customer, so sales figures stay right; licenses
 * keep their product and dates with the key replaced, so counts stay right but nothing can be
 * resent. The audit entry records counts only.
 */
export function eraseCustomer(options: EraseCustomerOptions): ErasureCounts {
  const { db, customerId } = options;
  const now = options.now ?? new Date();
  const sqlite = db.sqlite;
  const identity = findCustomerIdentity(sqlite, customerId);
  if (!identity) throw new NotFoundError('customer', `There is no customer ${customerId}.`);
  const typed = options.confirmEmail.trim().toLowerCase();
  if (typed === '' || !identity.emails.includes(typed)) {
    throw new ErasureConfirmationError("The address typed is not one of this customer's addresses.");
  }

  // Overwrite deleted content with zeros instead of leaving it in free space on the page.
  const previousSecureDelete = sqlite.pragma('secure_delete', { simple: true }) as number;
  sqlite.pragma('secure_delete = ON');
  try {
    const counts = sqlite.transaction(() => eraseRows(db, identity, now))();
    recordAudit(
      db,
      {
        action: 'customer.erase',
        actor: 'owner',
        customerId,
        targetType: 'customer',
        targetId: customerId,
        ip: options.ip ?? null,
        details: { ...counts },
      },
      now,
    );
    for (const { name } of fts5Tables.all(sqlite)) optimizeFts5(sqlite, name);
    // secure_delete zeroes only what this erasure deletes. Their older versions (an edited note,
    // a deleted one, FTS segments merged away) sit in free space and on free pages since the day
    // they changed; VACUUM rewrites the file without any. Slow on a large file, but erasure is rare.
    sqlite.exec('VACUUM');
    // Old page images with the erased rows may still sit in the WAL; copy back and truncate it.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return counts;
  } finally {
    sqlite.pragma(`secure_delete = ${previousSecureDelete ? 'ON' : 'OFF'}`);
  }
}

function eraseRows(db: Db, who: CustomerIdentity, now: Date): ErasureCounts {
  const terms = [...who.emails, ...who.licenseKeys].map((t) => t.toLowerCase());
  const ids = (rows: { id: number }[]) => rows.map((row) => row.id);
  const customerId = who.id;

  // Conversations linked to them or carrying their address: removed whole.
  const chatIds = new Set(ids(q.chatsOfCustomer.all(db, { customerId })));
  const threadIds = new Set(ids(q.threadsOfCustomer.all(db, { customerId })));
  for (const email of who.emails) {
    for (const id of ids(q.chatsByVisitorEmail.all(db, { email }))) chatIds.add(id);
    for (const id of ids(q.threadsByParticipant.all(db, { email }))) threadIds.add(id);
    for (const id of ids(q.threadsBySender.all(db, { email }))) threadIds.add(id);
  }
  // Someone else's conversation that mentions their address or key: only those messages go.
  const mentioningChatMessages = new Set<number>();
  const mentioningEmailMessages = new Set<number>();
  for (const term of terms) {
    for (const id of ids(q.chatMessagesMentioning.all(db, { term }))) mentioningChatMessages.add(id);
    for (const id of ids(q.emailMessagesMentioning.all(db, { term }))) mentioningEmailMessages.add(id);
  }

  const counts: ErasureCounts = { ...NOTHING_ERASED };

  // Children first and explicitly, so every FTS trigger on each table fires for each row.
  for (const id of chatIds) {
    counts.chatMessages += q.deleteChatMessagesOfChat.run(db, { id }).changes;
    counts.chats += q.deleteChat.run(db, { id }).changes;
  }
  const touchedChats = new Set<number>();
  for (const id of mentioningChatMessages) {
    const transcriptId = q.chatOfMessage.get(db, { id })?.transcriptId;
    if (typeof transcriptId === 'number') touchedChats.add(transcriptId);
    counts.chatMessages += q.deleteChatMessage.run(db, { id }).changes;
  }
  for (const id of touchedChats) q.recountChat.run(db, { id });

  for (const id of threadIds) {
    q.deleteAttachmentsOfThread.run(db, { id });
    counts.emailMessages += q.deleteMessagesOfThread.run(db, { id }).changes;
    q.deleteParticipantsOfThread.run(db, { id });
    counts.emailThreads += q.deleteThread.run(db, { id }).changes;
  }
  const touchedThreads = new Set<number>();
  for (const id of mentioningEmailMessages) {
    const threadId = q.threadOfMessage.get(db, { id })?.threadId;
    if (typeof threadId !== 'number') continue;
    touchedThreads.add(threadId);
    q.deleteAttachmentsOfMessage.run(db, { id });
    counts.emailMessages += q.deleteEmailMessage.run(db, { id }).changes;
  }
  for (const id of touchedThreads) q.recountThread.run(db, { id });
  for (const email of who.emails) q.deleteParticipantAddress.run(db, { email });

  // Resends and the mails that carried their key.
  counts.resends += q.deleteResendsOfCustomer.run(db, { customerId }).changes;
  for (const id of who.licenseIds) counts.resends += q.deleteResendsOfLicense.run(db, { id }).changes;
  counts.outbox += q.deleteOutboxOfCustomer.run(db, { customerId }).changes;
  for (const email of who.emails) counts.outbox += q.deleteOutboxTo.run(db, { email }).changes;
  for (const term of terms) counts.outbox += q.deleteOutboxMentioning.run(db, { term }).changes;

  counts.campaignRecipients += q.deleteCampaignRecipientsOfCustomer.run(db, { customerId }).changes;
  for (const email of who.emails) {
    counts.campaignRecipients += q.deleteCampaignRecipientsTo.run(db, { email }).changes;
    counts.suppressions += q.deleteSuppressionOf.run(db, { email }).changes;
  }

  for (const email of who.emails) counts.newsletter += q.deleteNewsletterByEmail.run(db, { email }).changes;
  counts.newsletter += q.deleteNewsletterOfCustomer.run(db, { customerId }).changes;

  for (const key of who.licenseKeys)
    counts.updateChecks += q.deleteUpdateChecksOfKey.run(db, { key }).changes;
  counts.licensesAnonymised = q.anonymiseLicenses.run(db, { customerId, updatedAt: now.getTime() }).changes;
  counts.ordersAnonymised = q.anonymiseOrders.run(db, { customerId }).changes;

  // Stored notifications name the customer they concern (set when the order was written, on
  // duplicates too), so they are blanked by that reference: no encoding of the name or address
  // in a payload can hide it. The row stays for idempotency.
  counts.webhookPayloads += q.blankWebhooksOfCustomer.run(db, { customerId }).changes;
  for (const id of who.orderIds) counts.webhookPayloads += q.blankWebhooksOfOrder.run(db, { id }).changes;
  // tawk.to events carry no customer reference yet: still found by their text.
  for (const term of terms) counts.webhookPayloads += q.blankTawkWebhooksMentioning.run(db, { term }).changes;
  for (const term of terms) q.clearImportErrorsMentioning.run(db, { term });

  // Audit entries stay (what happened, when); what identified the person goes.
  counts.auditDetails += q.clearAuditDetailsOfCustomer.run(db, { customerId }).changes;
  for (const term of terms) counts.auditDetails += q.clearAuditDetailsMentioning.run(db, { term }).changes;

  counts.notes = q.deleteNotesOfCustomer.run(db, { customerId }).changes;
  counts.emails = q.deleteEmailsOfCustomer.run(db, { customerId }).changes;
  q.deleteCustomer.run(db, { id: customerId });
  return counts;
}
