// The WebhookEvent table: every request to a hook leaves a row saying what became of it. Only a
// verified notification keeps a payload (its allow-listed fields, tied to the customer it
// concerns); anything unsigned or refused is a small record: time, source, reason, size.
import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
import { insertWebhookEventRow, processedEventId } from './sql/webhooks.ts';

export type WebhookSource = 'paypro' | 'avangate' | 'newsletter' | 'tawk';
/** `kept`: signed, so kept for replay, but of a shape this version cannot apply. */
export type WebhookStatus = 'processed' | 'duplicate' | 'kept' | 'rejected' | 'failed';

/** The largest payload kept verbatim; longer bodies are cut (they are rejected by size earlier anyway). */
const MAX_STORED_PAYLOAD = 64 * 1024;

export type WebhookEventRow = {
  source: WebhookSource;
  idempotencyKey: string | null;
  remoteIp: string | null;
  /** Already redacted and allow-listed by the caller. */
  payload: string;
  status: WebhookStatus;
  result: string;
  orderId: number | null;
  /** Whom the payload concerns; erasure blanks payloads by this reference. */
  customerId?: number | null;
  bodyBytes?: number | null;
};

export function findProcessedEventId(db: Db, source: WebhookSource, idempotencyKey: string): number | null {
  return processedEventId.get(db, { source, idempotencyKey })?.id ?? null;
}

export function insertWebhookEvent(db: Db, row: WebhookEventRow, now: Date): number {
  const result = insertWebhookEventRow.run(db, {
    source: row.source,
    idempotencyKey: row.idempotencyKey,
    receivedAt: now.getTime(),
    remoteIp: row.remoteIp,
    payload: row.payload.slice(0, MAX_STORED_PAYLOAD),
    status: row.status,
    result: row.result,
    orderId: row.orderId,
    customerId: row.customerId ?? null,
    bodyBytes: row.bodyBytes ?? null,
  });
  return Number(result.lastInsertRowid);
}

/**
 * A refused request (or one that failed inside Keydesk): a small record and an audit entry, never
 * the body, which nobody vouched for and which would let anyone fill the disk.
 */
export function recordRejectedWebhook(
  db: Db,
  options: {
    source: WebhookSource;
    ip: string | null;
    reason: string;
    now: Date;
    /** Size of the body as received; the body itself is not kept. */
    bodyBytes: number | null;
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
        payload: '',
        status: options.status ?? 'rejected',
        result: options.reason.slice(0, 500),
        orderId: null,
        bodyBytes: options.bodyBytes,
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
