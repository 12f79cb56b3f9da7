// Stores a tawk.to ticket as a conversation. A tawk.to ticket is an email conversation in all but
// transport (tawk.to mails the requester and threads the replies), so it is kept as an email
// thread: it then appears in the conversations list, in search and in the customer's timeline,
// and links to its requester by address now or when that customer arrives later, like any mail.
// Idempotent on the tawk.to ticket id. Synchronous: run it in a transaction.
import type { Db } from '@keydesk/db';
import { subjectKey } from './parse-email.ts';
import type { ParsedTicket } from './parse-tawk-ticket.ts';
import { customerIdByEmail } from './sql/linking.ts';
import {
  insertTicketMessage,
  insertTicketParticipant,
  insertTicketThread,
  ticketThreadByKey,
} from './sql/tawk.ts';
import { makeSnippet } from './store-emails.ts';

export type StoreTicketResult = 'created' | 'unchanged';

/** The thread key and Message-ID a ticket is stored under: no real mail ever carries them. */
export const ticketThreadKey = (ticketId: string) => `tawk-ticket:${ticketId}`;
export const ticketMessageId = (ticketId: string) => `tawk-ticket-${ticketId}@tawk.to`;

export function storeTicket(db: Db, ticket: ParsedTicket, options: { now: Date }): StoreTicketResult {
  const threadKey = ticketThreadKey(ticket.externalId);
  if (ticketThreadByKey.get(db, { threadKey })) return 'unchanged';
  const customer = ticket.requesterEmail
    ? customerIdByEmail.get(db, { email: ticket.requesterEmail })
    : undefined;
  const at = ticket.createdAt.getTime();
  const snippet = makeSnippet(ticket.message);
  const threadId = insertTicketThread.run(db, {
    threadKey,
    subject: ticket.subject,
    subjectKey: subjectKey(ticket.subject),
    customerId: customer?.customerId ?? null,
    at,
    snippet,
    createdAt: options.now.getTime(),
  }).lastInsertRowid;
  insertTicketMessage.run(db, {
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
  if (ticket.requesterEmail) insertTicketParticipant.run(db, { threadId, address: ticket.requesterEmail });
  return 'created';
}
