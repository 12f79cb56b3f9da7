// The WebhookEvent table: every notification received is kept (redacted) with what became of it.
import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
import { redactCardNumbers } from '@keydesk/privacy';

export type WebhookSource = 'paypro' | 'avangate' | 'newsletter';
export type WebhookStatus = 'processed' | 'duplicate' | 'rejected' | 'failed';

/** The largest payload kept verbatim; longer bodies are cut (they are rejected by size earlier anyway). */
const MAX_STORED_PAYLOAD = 64 * 1024;

export type WebhookEventRow = {
  source: WebhookSource;
  idempotencyKey: string | null;
  remoteIp: string | null;
  /** Already redacted by the caller. */
  payload: string;
  status: WebhookStatus;
  result: string;
  orderId: number | null;
};

export function findProcessedEventId(db: Db, source: WebhookSource, idempotencyKey: string): number | null {
  const row = db.sqlite
    .prepare('SELECT id FROM WebhookEvent WHERE source = ? AND idempotencyKey = ?')
    .safeIntegers(false)
    .get(source, idempotencyKey) as { id: number } | undefined;
  return row?.id ?? null;
}

export function insertWebhookEvent(db: Db, row: WebhookEventRow, now: Date): number {
  const result = db.sqlite
    .prepare(
      `INSERT INTO WebhookEvent (source, idempotencyKey, receivedAt, remoteIp, payload, status, result, orderId)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      row.source,
      row.idempotencyKey,
      now.getTime(),
      row.remoteIp,
      row.payload.slice(0, MAX_STORED_PAYLOAD),
      row.status,
      row.result,
      row.orderId,
    );
  return Number(result.lastInsertRowid);
}

/** A refused notification (or one that failed inside Keydesk): kept, redacted, and written to the audit log. */
export function recordRejectedWebhook(
  db: Db,
  options: {
    source: WebhookSource;
    ip: string | null;
    payload: string;
    reason: string;
    now: Date;
    status?: 'rejected' | 'failed';
  },
): number {
  return db.sqlite.transaction(() => {
    const id = insertWebhookEvent(
      db,
      {
        source: options.source,
        idempotencyKey: null,
        remoteIp: options.ip,
        payload: redactCardNumbers(options.payload),
        status: options.status ?? 'rejected',
        result: options.reason,
        orderId: null,
      },
      options.now,
    );
    recordAudit(
      db,
      {
        action: options.status === 'failed' ? 'webhook.failed' : 'webhook.rejected',
        actor: 'webhook',
        targetType: 'WebhookEvent',
        targetId: id,
        ip: options.ip,
        details: { source: options.source, reason: options.reason },
      },
      options.now,
    );
    return id;
  })();
}

export type WebhookReply = { status: number; body: string; contentType: string };

export const textReply = (status: number, body: string): WebhookReply => ({
  status,
  body,
  contentType: 'text/plain; charset=utf-8',
});
