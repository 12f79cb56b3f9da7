// The tawk.to rows of the WebhookEvent table (shown in Settings → Webhooks). Statuses:
//   processed  signed, understood, stored
//   duplicate  a repeat delivery of an X-Hook-Event-Id already logged (small record, no body)
//   kept       signed but not understood (unknown event, unexpected shape, too deep, not JSON):
//              the redacted body is kept so a later Keydesk can replay it; tawk.to is answered 2xx
//   rejected   unsigned, wrongly signed, too large, or no secret configured (small record, no body)
import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
import { redactCardNumbers } from '@keydesk/privacy';
import { insertTawkEventRow, tawkEventIdByKey } from './sql/tawk.ts';

export type TawkEventStatus = 'processed' | 'duplicate' | 'kept' | 'rejected';

export function findTawkEventId(db: Db, key: string): number | null {
  return tawkEventIdByKey.get(db, { key })?.id ?? null;
}

/** One row; `key` only on processed and kept rows, so a repeat delivery finds them. */
export function insertTawkEvent(
  db: Db,
  row: { key: string | null; ip: string | null; payload: string; status: TawkEventStatus; result: string },
  now: Date,
): number {
  return insertTawkEventRow.run(db, {
    key: row.key,
    receivedAt: now.getTime(),
    ip: row.ip,
    payload: row.payload,
    status: row.status,
    // Reasons quote the event (an unknown name, a bad value): redacted like the payload.
    result: redactCardNumbers(row.result.slice(0, 500)),
  }).lastInsertRowid;
}

/** A row that needs the owner's eye (kept or rejected), with its audit entry. */
export function insertAuditedTawkEvent(
  db: Db,
  row: Parameters<typeof insertTawkEvent>[1] & { status: 'kept' | 'rejected' },
  now: Date,
): number {
  return db.sqlite.transaction(() => {
    const id = insertTawkEvent(db, row, now);
    recordAudit(
      db,
      {
        action: `tawk.webhook.${row.status}`,
        actor: 'webhook',
        targetType: 'WebhookEvent',
        targetId: id,
        ip: row.ip,
        details: { reason: redactCardNumbers(row.result.slice(0, 500)) },
      },
      now,
    );
    return id;
  })();
}
