// POST /hooks/newsletter — Keydesk's own format for mailing-list tools (documented in the README):
//   body    {"id":"evt_1","email":"a@b.example","action":"subscribe"|"unsubscribe","time":"<ISO 8601>"}
//   header  X-Keydesk-Signature: sha256=<hex HMAC-SHA256 of the raw body with the shared secret>
// The time is inside the signed body, so a captured request cannot be replayed as new after a week.
import { createHash, createHmac } from 'node:crypto';
import type { Db } from '@keydesk/db';
import { createNewsletterWriter } from './newsletter.ts';
import { hexEquals } from './paypro-ipn.ts';
import { normalizeEmail } from './reseller-values.ts';
import { findCustomerIdByEmail } from './stored-payload.ts';
import {
  findProcessedEventId,
  insertWebhookEvent,
  recordRejectedWebhook,
  textReply,
  type WebhookReply,
} from './webhook-event-log.ts';

export const NEWSLETTER_MAX_AGE_MS = 7 * 24 * 3_600_000;

export function signNewsletterBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export function receiveNewsletterWebhook(options: {
  db: Db;
  now: Date;
  body: string;
  signature: string | null;
  secret: string;
  ip: string | null;
}): WebhookReply {
  const { db, now } = options;
  const bodyBytes = Buffer.byteLength(options.body);
  const refuse = (status: number, reason: string) => {
    recordRejectedWebhook(db, { source: 'newsletter', ip: options.ip, reason, now, bodyBytes });
    return textReply(status, `Rejected: ${reason}`);
  };
  const given = (options.signature ?? '').replace(/^sha256=/i, '');
  if (given === '') return refuse(401, 'unsigned: no X-Keydesk-Signature header');
  if (!hexEquals(signNewsletterBody(options.secret, options.body).slice(7), given))
    return refuse(401, 'bad-signature');
  let parsed: unknown;
  try {
    parsed = JSON.parse(options.body);
  } catch {
    return refuse(400, 'malformed: not JSON');
  }
  const body = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
  const email = typeof body.email === 'string' ? normalizeEmail(body.email) : null;
  const action = body.action === 'subscribe' || body.action === 'unsubscribe' ? body.action : null;
  const at = typeof body.time === 'string' ? new Date(body.time) : null;
  if (!email || !action || !at || Number.isNaN(at.getTime()))
    return refuse(400, 'malformed: email, action and time are required');
  const age = now.getTime() - at.getTime();
  if (age > NEWSLETTER_MAX_AGE_MS || age < -15 * 60_000)
    return refuse(400, 'stale: time is too far from now');
  const key =
    typeof body.id === 'string' && body.id.length <= 200
      ? `id:${body.id}`
      : // Hashed: an idempotency key outlives erasure and must not spell out the address.
        `h:${createHash('sha256').update(`${email}:${action}:${at.getTime()}`).digest('hex').slice(0, 40)}`;
  const apply = createNewsletterWriter(db);
  // The address lives in NewsletterSubscription (erased by address); the log keeps the rest.
  const payload = JSON.stringify({ id: body.id ?? null, action, time: body.time });
  return db.sqlite.transaction(() => {
    const earlier = findProcessedEventId(db, 'newsletter', key);
    const customerId = findCustomerIdByEmail(db, email);
    const log = {
      source: 'newsletter' as const,
      remoteIp: options.ip,
      payload,
      orderId: null,
      customerId,
      bodyBytes,
    };
    if (earlier !== null) {
      insertWebhookEvent(
        db,
        { ...log, idempotencyKey: null, status: 'duplicate', result: `duplicate of event #${earlier}` },
        now,
      );
      return textReply(200, 'OK (duplicate)');
    }
    const outcome = apply({ email, action, at, origin: 'webhook', now });
    insertWebhookEvent(
      db,
      { ...log, idempotencyKey: key, status: 'processed', result: `${action}: ${outcome}` },
      now,
    );
    return textReply(200, 'OK');
  })();
}
