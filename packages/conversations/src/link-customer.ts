// Ties chats and email threads to customers. Imports link as they store; these cover the rest:
// a customer who arrives (or gains an address) after their mail, and the owner's manual choice.
import { recordAudit } from '@keydesk/audit';
import { type Db, NotFoundError } from '@keydesk/db';
import { sql, statements } from './sql.ts';

export type ConversationKind = 'chat' | 'email';

/**
 * Links every unlinked chat and thread that mentions one of the customer's addresses.
 * Customer writers (creation, a new address, a merge) call this inside their transaction.
 */
export function linkConversationsToCustomer(db: Db, customerId: number): { chats: number; threads: number } {
  const s = statements(db.sqlite);
  const emails = (s.customerEmails.all(customerId) as { email: string }[]).map((r) => r.email.toLowerCase());
  let chats = 0;
  let threads = 0;
  for (const email of emails) {
    threads += s.linkThreadsOfAddress.run({ customerId, email }).changes;
    chats += s.linkChatsOfAddress.run({ customerId, email }).changes;
  }
  return { chats, threads };
}

/** The owner links (or re-links) one conversation by hand. */
export function linkConversation(
  db: Db,
  input: { kind: ConversationKind; id: number; customerId: number; now: Date },
): void {
  db.sqlite.transaction(() => {
    const customer = sql(db).customerExists.get(input.customerId);
    if (!customer) throw new NotFoundError('customer', 'No such customer.');
    const changed = (input.kind === 'chat' ? sql(db).linkChat : sql(db).linkThread).run(
      input.customerId,
      input.id,
    );
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
    const row = sql(db).chatContact.get(id) as { email: string | null; name: string | null } | undefined;
    return row ?? null;
  }
  const thread = sql(db).threadExists.get(id);
  if (!thread) return null;
  const senders = sql(db).threadSenders.all(id) as { email: string | null; name: string | null }[];
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
      const existing = statements(db.sqlite).customerByEmail.get(email) as { customerId: number } | undefined;
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
    const customerId = Number(sql(db).insertCustomer.run(name, at, at, at, at).lastInsertRowid);
    if (email) {
      sql(db).insertCustomerEmail.run(customerId, email, at);
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
