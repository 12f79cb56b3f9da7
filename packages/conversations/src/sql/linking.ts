// Statements that tie chats and email threads to customers: by address as conversations arrive or
// customers gain addresses, and by the owner's hand (see ../link-customer.ts).
import { sql } from '@keydesk/db';

type Contact = { email: string | null; name: string | null };

export const customerIdByEmail = sql<{ customerId: number }, { email: string }>(
  'SELECT customerId FROM CustomerEmail WHERE email = @email',
);

export const emailsOfCustomer = sql<{ email: string }, { customerId: number }>(
  'SELECT email FROM CustomerEmail WHERE customerId = @customerId',
);

/** Only threads nobody is linked to yet: a link the owner chose stays. */
export const linkThreadsOfAddress = sql<never, { customerId: number; email: string }>(
  `UPDATE EmailThread SET customerId = @customerId
   WHERE customerId IS NULL AND id IN (SELECT threadId FROM EmailThreadParticipant WHERE address = @email)`,
);

export const linkChatsOfAddress = sql<never, { customerId: number; email: string }>(
  'UPDATE ChatTranscript SET customerId = @customerId WHERE customerId IS NULL AND visitorEmail = @email',
);

export const customerExists = sql<{ id: number }, { id: number }>('SELECT id FROM Customer WHERE id = @id');

export const linkChat = sql<never, { id: number; customerId: number }>(
  'UPDATE ChatTranscript SET customerId = @customerId WHERE id = @id',
);

export const linkThread = sql<never, { id: number; customerId: number }>(
  'UPDATE EmailThread SET customerId = @customerId WHERE id = @id',
);

export const chatContact = sql<Contact, { id: number }>(
  'SELECT visitorEmail AS email, visitorName AS name FROM ChatTranscript WHERE id = @id',
);

export const threadExists = sql<{ id: number }, { id: number }>('SELECT id FROM EmailThread WHERE id = @id');

export const threadSenders = sql<Contact, { threadId: number }>(
  'SELECT fromAddress AS email, fromName AS name FROM EmailMessage WHERE threadId = @threadId ORDER BY sentAt, id',
);

export const insertCustomer = sql<never, { name: string; at: number }>(
  'INSERT INTO Customer (name, firstSeenAt, lastSeenAt, createdAt, updatedAt) VALUES (@name, @at, @at, @at, @at)',
);

export const insertPrimaryEmail = sql<never, { customerId: number; email: string; at: number }>(
  'INSERT INTO CustomerEmail (customerId, email, isPrimary, createdAt) VALUES (@customerId, @email, 1, @at)',
);
