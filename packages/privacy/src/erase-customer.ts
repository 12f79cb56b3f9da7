import { recordAudit } from '@keydesk/audit';
import { type Db, DomainError, NotFoundError } from '@keydesk/db';
import {
  type CustomerIdentity,
  findCustomerIdentity,
  listFts5Tables,
  optimizeFts5,
  selectIds,
} from './privacy-sql.ts';

export class ErasureConfirmationError extends DomainError {
  readonly kind = 'invalid';
}

export type ErasureCounts = {
  emails: number;
  notes: number;
  newsletter: number;
  chats: number;
  chatMessages: number;
  emailThreads: number;
  emailMessages: number;
  outbox: number;
  resends: number;
  ordersAnonymised: number;
  licensesAnonymised: number;
  webhookPayloads: number;
  auditDetails: number;
  updateChecks: number;
};

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
    for (const table of listFts5Tables(sqlite)) optimizeFts5(sqlite, table);
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
  const sqlite = db.sqlite;
  const run = (sql: string, ...params: (string | number | null)[]) =>
    sqlite.prepare(sql).run(...params).changes;
  const terms = [...who.emails, ...who.licenseKeys].map((t) => t.toLowerCase());

  // Conversations linked to them or carrying their address: removed whole.
  const chatIds = new Set(selectIds(sqlite, 'SELECT id FROM ChatTranscript WHERE customerId = ?', who.id));
  const threadIds = new Set(selectIds(sqlite, 'SELECT id FROM EmailThread WHERE customerId = ?', who.id));
  for (const email of who.emails) {
    for (const id of selectIds(sqlite, 'SELECT id FROM ChatTranscript WHERE visitorEmail = ?', email))
      chatIds.add(id);
    for (const id of selectIds(
      sqlite,
      'SELECT threadId FROM EmailThreadParticipant WHERE address = ?',
      email,
    ))
      threadIds.add(id);
    for (const id of selectIds(
      sqlite,
      'SELECT threadId FROM EmailMessage WHERE lower(fromAddress) = ?',
      email,
    ))
      threadIds.add(id);
  }
  // Someone else's conversation that mentions their address or key: only those messages go.
  const mentioningChatMessages = new Set<number>();
  const mentioningEmailMessages = new Set<number>();
  for (const term of terms) {
    for (const id of selectIds(sqlite, 'SELECT id FROM ChatMessage WHERE instr(lower(text), ?) > 0', term))
      mentioningChatMessages.add(id);
    for (const id of selectIds(
      sqlite,
      `SELECT id FROM EmailMessage WHERE instr(lower(COALESCE(textBody, '') || ' ' || COALESCE(htmlBody, '') || ' ' ||
         COALESCE(toAddresses, '') || ' ' || COALESCE(ccAddresses, '') || ' ' || subject), ?) > 0`,
      term,
    ))
      mentioningEmailMessages.add(id);
  }

  const counts: ErasureCounts = {
    emails: 0,
    notes: 0,
    newsletter: 0,
    chats: 0,
    chatMessages: 0,
    emailThreads: 0,
    emailMessages: 0,
    outbox: 0,
    resends: 0,
    ordersAnonymised: 0,
    licensesAnonymised: 0,
    webhookPayloads: 0,
    auditDetails: 0,
    updateChecks: 0,
  };

  // Children first and explicitly, so every FTS trigger on each table fires for each row.
  for (const id of chatIds) {
    counts.chatMessages += run('DELETE FROM ChatMessage WHERE transcriptId = ?', id);
    counts.chats += run('DELETE FROM ChatTranscript WHERE id = ?', id);
  }
  const touchedChats = new Set<number>();
  for (const id of mentioningChatMessages) {
    const row = sqlite
      .prepare('SELECT transcriptId FROM ChatMessage WHERE id = ?')
      .pluck()
      .safeIntegers(false)
      .get(id);
    if (typeof row === 'number') touchedChats.add(row);
    counts.chatMessages += run('DELETE FROM ChatMessage WHERE id = ?', id);
  }
  for (const id of touchedChats) {
    run(
      `UPDATE ChatTranscript SET messageCount = (SELECT COUNT(*) FROM ChatMessage WHERE transcriptId = ?1), snippet = NULL WHERE id = ?1`,
      id,
    );
  }

  for (const id of threadIds) {
    run(
      'DELETE FROM EmailAttachment WHERE messageId IN (SELECT id FROM EmailMessage WHERE threadId = ?)',
      id,
    );
    counts.emailMessages += run('DELETE FROM EmailMessage WHERE threadId = ?', id);
    run('DELETE FROM EmailThreadParticipant WHERE threadId = ?', id);
    counts.emailThreads += run('DELETE FROM EmailThread WHERE id = ?', id);
  }
  const touchedThreads = new Set<number>();
  for (const id of mentioningEmailMessages) {
    const row = sqlite
      .prepare('SELECT threadId FROM EmailMessage WHERE id = ?')
      .pluck()
      .safeIntegers(false)
      .get(id);
    if (typeof row !== 'number') continue;
    touchedThreads.add(row);
    run('DELETE FROM EmailAttachment WHERE messageId = ?', id);
    counts.emailMessages += run('DELETE FROM EmailMessage WHERE id = ?', id);
  }
  for (const id of touchedThreads) {
    run(
      `UPDATE EmailThread SET messageCount = (SELECT COUNT(*) FROM EmailMessage WHERE threadId = ?1), snippet = NULL WHERE id = ?1`,
      id,
    );
  }
  for (const email of who.emails) run('DELETE FROM EmailThreadParticipant WHERE address = ?', email);

  // Resends and the mails that carried their key.
  counts.resends += run('DELETE FROM LicenseResend WHERE customerId = ?', who.id);
  for (const id of who.licenseIds) counts.resends += run('DELETE FROM LicenseResend WHERE licenseId = ?', id);
  counts.outbox += run('DELETE FROM OutboxEmail WHERE customerId = ?', who.id);
  for (const email of who.emails)
    counts.outbox += run('DELETE FROM OutboxEmail WHERE lower(toAddress) = ?', email);
  for (const term of terms) {
    counts.outbox += run(
      'DELETE FROM OutboxEmail WHERE instr(lower(textBody || htmlBody || subject), ?) > 0',
      term,
    );
  }

  for (const email of who.emails)
    counts.newsletter += run('DELETE FROM NewsletterSubscription WHERE email = ?', email);
  counts.newsletter += run('DELETE FROM NewsletterSubscription WHERE customerId = ?', who.id);

  for (const key of who.licenseKeys)
    counts.updateChecks += run('DELETE FROM UpdateCheckRaw WHERE licenseKey = ?', key);
  // Unique placeholder keys: the license still counts in "licenses issued" but leads to nobody.
  counts.licensesAnonymised = run(
    `UPDATE License SET key = 'erased-' || id, keyNormalized = 'ERASED' || id, customerId = NULL, updatedAt = ? WHERE customerId = ?`,
    now.getTime(),
    who.id,
  );
  counts.ordersAnonymised = run('UPDATE "Order" SET customerId = NULL WHERE customerId = ?', who.id);

  // Stored notifications name the customer they concern (set when the order was written, on
  // duplicates too), so they are blanked by that reference: no encoding of the name or address
  // in a payload can hide it. The row stays for idempotency.
  counts.webhookPayloads += run(
    `UPDATE WebhookEvent SET payload = '', result = NULL, customerId = NULL WHERE customerId = ?`,
    who.id,
  );
  for (const orderId of who.orderIds) {
    counts.webhookPayloads += run(
      `UPDATE WebhookEvent SET payload = '', result = NULL WHERE orderId = ? AND payload <> ''`,
      orderId,
    );
  }
  // tawk.to events carry no customer reference yet: still found by their text.
  for (const term of terms) {
    counts.webhookPayloads += run(
      `UPDATE WebhookEvent SET payload = '', result = NULL
       WHERE source = 'tawk' AND payload <> '' AND instr(lower(payload || ' ' || COALESCE(result, '')), ?) > 0`,
      term,
    );
  }
  for (const term of terms) run('UPDATE ImportRun SET errors = NULL WHERE instr(lower(errors), ?) > 0', term);

  // Audit entries stay (what happened, when); what identified the person goes.
  counts.auditDetails += run(
    'UPDATE AuditLog SET details = NULL WHERE customerId = ? AND details IS NOT NULL',
    who.id,
  );
  for (const term of terms) {
    counts.auditDetails += run('UPDATE AuditLog SET details = NULL WHERE instr(lower(details), ?) > 0', term);
  }

  counts.notes = run('DELETE FROM CustomerNote WHERE customerId = ?', who.id);
  counts.emails = run('DELETE FROM CustomerEmail WHERE customerId = ?', who.id);
  run('DELETE FROM Customer WHERE id = ?', who.id);
  return counts;
}
