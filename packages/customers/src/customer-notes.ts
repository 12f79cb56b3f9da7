// Private notes about a customer. Each change and its audit entry commit together.
import { recordAudit } from '@keydesk/audit';
import { type Db, NotFoundError } from '@keydesk/db';
import { redactCardNumbers } from '@keydesk/privacy';
import {
  type CustomerNoteRow,
  customerExists,
  customerNoteById,
  deleteCustomerNoteById,
  insertCustomerNote,
  updateCustomerNoteBody,
} from './sql.ts';

export type CustomerNote = { id: number; body: string; createdAt: Date; updatedAt: Date };

function toNote(row: CustomerNoteRow): CustomerNote {
  return {
    id: row.id,
    body: row.body,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
  };
}

/** Read back inside the transaction that just wrote it, so it is there. */
function readNote(db: Db, id: number): CustomerNote {
  const row = customerNoteById.get(db, { id });
  if (!row) throw new Error(`Note ${id} vanished inside its own transaction.`);
  return toNote(row);
}

export function addCustomerNote(options: {
  db: Db;
  customerId: number;
  body: string;
  now: Date;
}): CustomerNote {
  const { db, customerId, now } = options;
  const body = redactCardNumbers(options.body.trim());
  return db.sqlite.transaction(() => {
    if (!customerExists.get(db, { id: customerId }))
      throw new NotFoundError('customer', 'This customer does not exist.');
    const id = insertCustomerNote.run(db, {
      customerId,
      body,
      createdAt: now.getTime(),
      updatedAt: now.getTime(),
    }).lastInsertRowid;
    recordAudit(
      db,
      { action: 'customer.note.add', actor: 'owner', customerId, targetType: 'note', targetId: id },
      now,
    );
    return readNote(db, id);
  })();
}

/** Null when the note does not exist. */
export function updateCustomerNote(options: {
  db: Db;
  noteId: number;
  body: string;
  now: Date;
}): CustomerNote | null {
  const { db, noteId, now } = options;
  const body = redactCardNumbers(options.body.trim());
  return db.sqlite.transaction(() => {
    const existing = customerNoteById.get(db, { id: noteId });
    if (!existing) return null;
    updateCustomerNoteBody.run(db, { id: noteId, body, updatedAt: now.getTime() });
    recordAudit(
      db,
      {
        action: 'customer.note.update',
        actor: 'owner',
        customerId: existing.customerId,
        targetType: 'note',
        targetId: noteId,
      },
      now,
    );
    return readNote(db, noteId);
  })();
}

export function deleteCustomerNote(options: { db: Db; noteId: number; now: Date }): boolean {
  const { db, noteId, now } = options;
  return db.sqlite.transaction(() => {
    const existing = customerNoteById.get(db, { id: noteId });
    if (!existing) return false;
    deleteCustomerNoteById.run(db, { id: noteId });
    recordAudit(
      db,
      {
        action: 'customer.note.delete',
        actor: 'owner',
        customerId: existing.customerId,
        targetType: 'note',
        targetId: noteId,
      },
      now,
    );
    return true;
  })();
}
