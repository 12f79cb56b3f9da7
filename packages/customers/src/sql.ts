// The customers package's SQL home (issue 21): every statement it runs, with named parameters and
// the shape of its rows. Synchronous, so a note and its audit entry share a transaction.
import { sql } from '@keydesk/db';

export type CustomerNoteRow = {
  id: number;
  customerId: number;
  body: string;
  createdAt: number;
  updatedAt: number;
};

export const customerExists = sql<{ found: number }, { id: number }>(
  'SELECT 1 AS found FROM Customer WHERE id = @id',
);

export const insertCustomerNote = sql<
  never,
  { customerId: number; body: string; createdAt: number; updatedAt: number }
>(
  `INSERT INTO CustomerNote (customerId, body, createdAt, updatedAt)
   VALUES (@customerId, @body, @createdAt, @updatedAt)`,
);

export const updateCustomerNoteBody = sql<never, { id: number; body: string; updatedAt: number }>(
  'UPDATE CustomerNote SET body = @body, updatedAt = @updatedAt WHERE id = @id',
);

export const deleteCustomerNoteById = sql<never, { id: number }>('DELETE FROM CustomerNote WHERE id = @id');

export const customerNoteById = sql<CustomerNoteRow, { id: number }>(
  'SELECT id, customerId, body, createdAt, updatedAt FROM CustomerNote WHERE id = @id',
);
