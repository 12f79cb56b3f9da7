// Ties chats and email threads to customers. Imports link as they store; these cover the rest:
// a customer who arrives (or gains an address) after their mail, and the owner's manual choice.
import { recordAudit } from '@keydesk/audit';
import { type Db, NotFoundError } from '@keydesk/db';
import {
  chatContact,
  customerExists,
  customerIdByEmail,
  emailsOfCustomer,
  insertCustomer,
  insertPrimaryEmail,
  linkChat,
  linkChatsOfAddress,
  linkThread,
  linkThreadsOfAddress,
  threadExists,
  threadSenders,
} from './sql/linking.ts';

export type ConversationKind = 'chat' | 'email';

/**
 * Links every unlinked chat and thread that mentions one of the customer's addresses.
 * Customer writers (creation, a new address, a merge) call this inside their transaction.
 */
export function linkConversationsToCustomer(db: Db, customerId: number): { chats: number; threads: number } {
  const emails = emailsOfCustomer.all(db, { customerId }).map((r) => r.email.toLowerCase());
  let chats = 0;
  let threads = 0;
  for (const email of emails) {
    threads += linkThreadsOfAddress.run(db, { customerId, email }).changes;
    chats += linkChatsOfAddress.run(db, { customerId, email }).changes;
  }
  return { chats, threads };
}

/** The owner links (or re-links) one conversation by hand. */
export function linkConversation(
  db: Db,
  input: { kind: ConversationKind; id: number; customerId: number; now: Date },
): void {
  db.sqlite.transaction(() => {
    const customer = customerExists.get(db, { id: input.customerId });
    if (!customer) throw new NotFoundError('customer', 'No such customer.');
    const changed = (input.kind === 'chat' ? linkChat : linkThread).run(db, {
      id: input.id,
      customerId: input.customerId,
    });
    if (changed.changes === 0) throw new NotFoundError('conversation', 'No such conversation.');
    recordAudit(
      db,
      {
        action: 'conversation.link',
        actor: 'owner',
        customerId: input.customerId,
        targetType: input.kind === 'chat' ? 'ChatTranscript' : 'EmailThread',
        targetId: input.id,
      },
      input.now,
    );
  })();
}

/** The address a new customer would get: the chat visitor's, or the thread's first outside sender. */
export function conversationContact(
  db: Db,
  kind: ConversationKind,
  id: number,
  ownAddresses: ReadonlySet<string>,
): { email: string | null; name: string | null } | null {
  if (kind === 'chat') {
    return chatContact.get(db, { id }) ?? null;
  }
  const thread = threadExists.get(db, { id });
  if (!thread) return null;
  const senders = threadSenders.all(db, { threadId: id });
  const outside = senders.find((s) => s.email && !ownAddresses.has(s.email));
  return outside ?? { email: null, name: null };
}

/**
 * Creates a customer from a conversation's contact and links it, plus every other conversation
 * that mentions the same address. Uses a plain insert: the full customer domain lives elsewhere.
 */
export function createCustomerFromConversation(
  db: Db,
  input: {
    kind: ConversationKind;
    id: number;
    name?: string;
    email?: string;
    ownAddresses: ReadonlySet<string>;
    now: Date;
  },
): { customerId: number; linked: { chats: number; threads: number } } {
  const contact = conversationContact(db, input.kind, input.id, input.ownAddresses);
  if (!contact) throw new NotFoundError('conversation', 'No such conversation.');
  const email = (input.email ?? contact.email ?? '').trim().toLowerCase() || null;
  const name = input.name?.trim() || contact.name || email || 'Unknown';
  return db.sqlite.transaction(() => {
    const at = input.now.getTime();
    if (email) {
      const existing = customerIdByEmail.get(db, { email });
      if (existing) {
        linkConversation(db, {
          kind: input.kind,
          id: input.id,
          customerId: existing.customerId,
          now: input.now,
        });
        return {
          customerId: existing.customerId,
          linked: linkConversationsToCustomer(db, existing.customerId),
        };
      }
    }
    const customerId = insertCustomer.run(db, { name, at }).lastInsertRowid;
    if (email) {
      insertPrimaryEmail.run(db, { customerId, email, at });
    }
    recordAudit(
      db,
      {
        action: 'customer.create',
        actor: 'owner',
        customerId,
        details: { from: `${input.kind}:${input.id}` },
      },
      input.now,
    );
    linkConversation(db, { kind: input.kind, id: input.id, customerId, now: input.now });
    return { customerId, linked: linkConversationsToCustomer(db, customerId) };
  })();
}
