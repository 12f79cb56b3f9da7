// Private notes about a customer. Each change and its audit entry commit together.
import { recordAudit } from '@keydesk/audit';
import { type Db, NotFoundError } from '@keydesk/db';
import { redactCardNumbers } from '@keydesk/privacy';
import { customerNoteSql } from './customer-notes-sql.ts';

export type CustomerNote = { id: number; body: string; createdAt: Date; updatedAt: Date };

function toNote(row: { id: number; body: string; createdAt: number; updatedAt: number }): CustomerNote {
  return {
    id: row.id,
    body: row.body,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
  };
}

export function addCustomerNote(options: {
  db: Db;
  customerId: number;
  body: string;
  now: Date;
}): CustomerNote {
  const { db, customerId, now } = options;
  const sql = customerNoteSql(db);
  const body = redactCardNumbers(options.body.trim());
  return db.sqlite.transaction(() => {
    if (!sql.customerExists.get(customerId))
      throw new NotFoundError('customer', 'This customer does not exist.');
    const id = Number(sql.insert.run(customerId, body, now.getTime(), now.getTime()).lastInsertRowid);
    recordAudit(
      db,
      { action: 'customer.note.add', actor: 'owner', customerId, targetType: 'note', targetId: id },
      now,
    );
    return toNote(sql.byId.get(id) as Parameters<typeof toNote>[0]);
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
  const sql = customerNoteSql(db);
  const body = redactCardNumbers(options.body.trim());
  return db.sqlite.transaction(() => {
    const existing = sql.byId.get(noteId) as { customerId: number } | undefined;
    if (!existing) return null;
    sql.update.run(body, now.getTime(), noteId);
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
    return toNote(sql.byId.get(noteId) as Parameters<typeof toNote>[0]);
  })();
}

export function deleteCustomerNote(options: { db: Db; noteId: number; now: Date }): boolean {
  const { db, noteId, now } = options;
  const sql = customerNoteSql(db);
  return db.sqlite.transaction(() => {
    const existing = sql.byId.get(noteId) as { customerId: number } | undefined;
    if (!existing) return false;
    sql.remove.run(noteId);
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
