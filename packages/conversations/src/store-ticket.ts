// Stores a tawk.to ticket as a conversation. A tawk.to ticket is an email conversation in all but
// transport (tawk.to mails the requester and threads the replies), so it is kept as an email
// thread: it then appears in the conversations list, in search and in the customer's timeline,
// and links to its requester by address now or when that customer arrives later, like any mail.
// Idempotent on the tawk.to ticket id. Synchronous: run it in a transaction.
import type { Db } from '@keydesk/db';
import type Database from 'better-sqlite3';
import { subjectKey } from './parse-email.ts';
import type { ParsedTicket } from './parse-tawk-ticket.ts';
import { makeSnippet } from './store-emails.ts';

export type StoreTicketResult = 'created' | 'unchanged';

/** The thread key and Message-ID a ticket is stored under: no real mail ever carries them. */
export const ticketThreadKey = (ticketId: string) => `tawk-ticket:${ticketId}`;
export const ticketMessageId = (ticketId: string) => `tawk-ticket-${ticketId}@tawk.to`;

const SQL = {
  threadByKey: `SELECT id FROM EmailThread WHERE threadKey = ?`,
  customerByEmail: `SELECT customerId FROM CustomerEmail WHERE email = ?`,
  insertThread: `
    INSERT INTO EmailThread (threadKey, subject, subjectKey, customerId, firstMessageAt, lastMessageAt,
      messageCount, hasAttachments, isAwaitingReply, snippet, createdAt)
    VALUES (@threadKey, @subject, @subjectKey, @customerId, @at, @at, 1, 0, 1, @snippet, @createdAt)`,
  insertMessage: `
    INSERT INTO EmailMessage (threadId, messageId, fromAddress, fromName, toAddresses, ccAddresses,
      subject, sentAt, isInbound, textBody, snippet, source, createdAt)
    VALUES (@threadId, @messageId, @fromAddress, @fromName, '[]', '[]', @subject, @at, 1, @textBody,
      @snippet, 'tawk', @createdAt)`,
  insertParticipant: `INSERT OR IGNORE INTO EmailThreadParticipant (threadId, address) VALUES (?, ?)`,
} as const;

type Statements = { [K in keyof typeof SQL]: Database.Statement };
const cache = new WeakMap<Database.Database, Statements>();

function statements(sqlite: Database.Database): Statements {
  let prepared = cache.get(sqlite);
  if (!prepared) {
    prepared = Object.fromEntries(
      Object.entries(SQL).map(([name, text]) => [name, sqlite.prepare(text).safeIntegers(false)]),
    ) as Statements;
    cache.set(sqlite, prepared);
  }
  return prepared;
}

export function storeTicket(db: Db, ticket: ParsedTicket, options: { now: Date }): StoreTicketResult {
  const s = statements(db.sqlite);
  const threadKey = ticketThreadKey(ticket.externalId);
  if (s.threadByKey.get(threadKey)) return 'unchanged';
  const customer = ticket.requesterEmail
    ? (s.customerByEmail.get(ticket.requesterEmail) as { customerId: number } | undefined)
    : undefined;
  const at = ticket.createdAt.getTime();
  const snippet = makeSnippet(ticket.message);
  const threadId = Number(
    s.insertThread.run({
      threadKey,
      subject: ticket.subject,
      subjectKey: subjectKey(ticket.subject),
      customerId: customer?.customerId ?? null,
      at,
      snippet,
      createdAt: options.now.getTime(),
    }).lastInsertRowid,
  );
  s.insertMessage.run({
    threadId,
    messageId: ticketMessageId(ticket.externalId),
    fromAddress: ticket.requesterEmail,
    fromName: ticket.requesterName,
    subject: ticket.subject,
    at,
    textBody: ticket.message,
    snippet,
    createdAt: options.now.getTime(),
  });
  if (ticket.requesterEmail) s.insertParticipant.run(threadId, ticket.requesterEmail);
  return 'created';
}
