// Stores parsed emails: dedupe by Message-ID, find or start the thread, keep the thread's
// summary and participants, link the thread to a customer. Synchronous so callers can run it
// inside one `sqlite.transaction()` together with their progress bookkeeping.
import { createHash } from 'node:crypto';
import { recordDeliveryReport, unsubscribeByEmail } from '@keydesk/announcements';
import type { Db } from '@keydesk/db';
import { redactAttachmentContent, redactCardNumbers } from '@keydesk/privacy';
import type { ParsedEmail } from './parse-email.ts';
import { isReplySubject, subjectKey } from './parse-email.ts';
import * as emails from './sql/emails.ts';

export type EmailSource = 'mbox' | 'imap' | 'demo';

export const DEFAULT_MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** What each way mail comes in (an mbox file, an IMAP mailbox) is given besides where to read. */
export type EmailIntakeOptions = {
  db: Db;
  now: () => Date;
  /** The business's own addresses, in any case: mail from them is outbound. */
  ownAddresses?: Iterable<string>;
  maxAttachmentBytes?: number;
  /** Messages per transaction. */
  batchSize?: number;
};

export type StoreEmailOptions = {
  source: EmailSource;
  /** The business's own addresses: mail from them is outbound and they never link a customer. */
  ownAddresses: ReadonlySet<string>;
  now: Date;
  /** Announcements' link secret: an email whose subject carries a token signed with it unsubscribes. */
  unsubscribeSecret?: string | null;
};

export type StoreResult = 'created' | 'duplicate';

const SUBJECT_WINDOW_MS = 60 * 24 * 3_600_000;
const SNIPPET_LENGTH = 200;

export function storeEmail(db: Db, email: ParsedEmail, options: StoreEmailOptions): StoreResult {
  if (emails.messageExists.get(db, { messageId: email.messageId })) return 'duplicate';
  const isInbound = email.fromAddress === null || !options.ownAddresses.has(email.fromAddress);
  const threadId = findThread(db, email) ?? createThread(db, email, options.now);
  const snippet = makeSnippet(email.textBody ?? '');
  const sentAt = email.sentAt?.getTime() ?? null;
  const messageRowId = emails.insertMessage.run(db, {
    threadId,
    messageId: email.messageId,
    gmailMessageId: email.gmailMessageId,
    inReplyTo: email.inReplyTo,
    references: email.references.length > 0 ? email.references.join(' ') : null,
    fromAddress: email.fromAddress,
    fromName: email.fromName,
    toAddresses: JSON.stringify(email.to),
    ccAddresses: JSON.stringify(email.cc),
    subject: email.subject,
    sentAt,
    isInbound: isInbound ? 1 : 0,
    textBody: email.textBody,
    htmlBody: email.htmlBody,
    snippet,
    parseProblems: email.parseProblems.length > 0 ? JSON.stringify(email.parseProblems) : null,
    source: options.source,
    createdAt: options.now.getTime(),
  }).lastInsertRowid;
  for (const a of email.attachments) {
    // Attachments (a .txt, .csv or .html a customer sends) may hold card numbers like any body.
    const content = a.content && redactAttachmentContent({ ...a, content: a.content });
    const isRedacted = content !== a.content;
    emails.insertAttachment.run(db, {
      messageId: messageRowId,
      filename: a.filename && redactCardNumbers(a.filename),
      contentType: a.contentType,
      size: content && isRedacted ? content.length : a.size,
      contentId: a.contentId,
      isInline: a.isInline ? 1 : 0,
      checksum: content && isRedacted ? createHash('md5').update(content).digest('hex') : a.checksum,
      content,
    });
  }
  const hasListedAttachment = email.attachments.some((a) => !a.isInline);
  emails.updateThread.run(db, {
    threadId,
    sentAt,
    hasAttachments: hasListedAttachment ? 1 : 0,
    isInbound: isInbound ? 1 : 0,
    snippet,
  });
  const addresses = new Set([email.fromAddress, ...email.to, ...email.cc].filter((a): a is string => !!a));
  for (const address of addresses) emails.insertParticipant.run(db, { threadId, address });
  linkThreadByAddresses(db, threadId, addresses, options.ownAddresses);
  // A bounce or complaint about an announcement: in the same transaction, so a crash between
  // storing the report and acting on it cannot happen.
  if (email.deliveryReport) recordDeliveryReport(db, email.deliveryReport, options.now);
  // The List-Unsubscribe mailto's email, likewise in this transaction (a forged token does nothing).
  if (isInbound && options.unsubscribeSecret) {
    unsubscribeByEmail({ db, secret: options.unsubscribeSecret, subject: email.subject, now: options.now });
  }
  return 'created';
}

function findThread(db: Db, email: ParsedEmail): number | null {
  const byKey = emails.threadByKey.get(db, { threadKey: threadKeyOf(email) });
  if (byKey) return byKey.id;
  if (email.gmailThreadId) return null; // Gmail's own thread id is authoritative
  // Newest reference first: In-Reply-To, then References from the end.
  const refs = [email.inReplyTo, ...[...email.references].reverse()].filter((r): r is string => !!r);
  for (const ref of refs) {
    const row = emails.threadOfMessage.get(db, { messageId: ref });
    if (row) return row.threadId;
  }
  // A reply stored before its parent points at it.
  const child = emails.threadOfReply.get(db, { messageId: email.messageId });
  if (child) return child.threadId;
  // Clients that drop References and In-Reply-To: same subject, a shared participant, close in time.
  if (isReplySubject(email.subject) && email.fromAddress && email.sentAt) {
    const key = subjectKey(email.subject);
    const at = email.sentAt.getTime();
    if (key !== '') {
      const row = emails.threadBySubject.get(db, {
        address: email.fromAddress,
        subjectKey: key,
        from: at - SUBJECT_WINDOW_MS,
        to: at + SUBJECT_WINDOW_MS,
      });
      if (row) return row.id;
    }
  }
  return null;
}

/** `gmail:<X-GM-THRID>` when Gmail said, else `msgid:<root of the References chain>`. */
export function threadKeyOf(email: ParsedEmail): string {
  if (email.gmailThreadId) return `gmail:${email.gmailThreadId}`;
  const root = email.references[0] ?? email.inReplyTo ?? email.messageId;
  return `msgid:${root}`;
}

function createThread(db: Db, email: ParsedEmail, now: Date): number {
  // A thread needs a place in the list; one whose only message has no date sorts by its import.
  const at = email.sentAt?.getTime() ?? now.getTime();
  return emails.insertThread.run(db, {
    threadKey: threadKeyOf(email),
    subject: email.subject,
    subjectKey: subjectKey(email.subject),
    at,
    createdAt: now.getTime(),
  }).lastInsertRowid;
}

function linkThreadByAddresses(
  db: Db,
  threadId: number,
  addresses: Iterable<string>,
  ownAddresses: ReadonlySet<string>,
): void {
  const current = emails.threadCustomer.get(db, { threadId });
  if (!current || current.customerId !== null) return;
  for (const address of addresses) {
    if (ownAddresses.has(address)) continue;
    const row = emails.customerByEmail.get(db, { email: address });
    if (row) {
      emails.setThreadCustomer.run(db, { customerId: row.customerId, threadId });
      return;
    }
  }
}

export function makeSnippet(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return null;
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH - 1)}…` : flat;
}
