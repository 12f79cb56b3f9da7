// POST /hooks/tawk, minus the HTTP: verify the HMAC-SHA1 of the raw body, dedupe on
// X-Hook-Event-Id, store the chat or ticket. Every delivery leaves a WebhookEvent row.
//
// tawk.to retries anything but a 2xx for 12 hours and then drops the event, and a retry of the same
// body fails the same way. So once the signature proves the body came from tawk.to, it is never
// refused: what Keydesk cannot read (an unknown event, an unexpected shape, nesting too deep to walk,
// not JSON at all, or a fault while storing) is kept, redacted, for replay from Settings → Webhooks,
// and answered 202. Only unsigned or wrongly signed requests, oversized bodies and a missing secret
// are refused, with a small record and no body.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '@keydesk/db';
import { redactCardNumbers, redactJson } from '@keydesk/privacy';
import { parseJsonWithinDepth } from './bounded-json.ts';
import { MalformedChatError, parseTawkEvent, type TawkEvent } from './parse-tawk.ts';
import { storeChat } from './store-chat.ts';
import { storeTicket } from './store-ticket.ts';
import { findTawkEventId, insertAuditedTawkEvent, insertTawkEvent } from './tawk-webhook-log.ts';

export type TawkWebhookInput = {
  db: Db;
  now: Date;
  rawBody: Buffer;
  signature: string | null;
  eventId: string | null;
  secret: string | null;
  ip: string | null;
};

export type TawkWebhookResult = {
  status: 200 | 202 | 401 | 413 | 503;
  body: { ok: boolean; result: string };
};

export function verifyTawkSignature(rawBody: Buffer, signature: string, secret: string): boolean {
  const expected = createHmac('sha1', secret).update(rawBody).digest();
  const given = Buffer.from(signature.trim().toLowerCase(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function handleTawkWebhook(input: TawkWebhookInput): TawkWebhookResult {
  if (!input.secret) {
    // 503, not 4xx: tawk.to keeps retrying for 12 hours, time enough to save the secret.
    refuseTawkWebhook(input, 'no webhook secret configured');
    return { status: 503, body: { ok: false, result: 'not configured' } };
  }
  if (!input.signature || !verifyTawkSignature(input.rawBody, input.signature, input.secret)) {
    refuseTawkWebhook(input, input.signature ? 'bad signature' : 'no signature');
    return { status: 401, body: { ok: false, result: 'bad signature' } };
  }
  const key = idempotencyKey(input);
  const { text, isUtf8 } = decode(input.rawBody);
  const json = parseJsonWithinDepth(text);
  if (!json.ok) {
    const note = isUtf8 ? '' : ' (not UTF-8: stored with replacement characters)';
    return keep(input, key, redactCardNumbers(text), `${json.reason}${note}`);
  }
  const payload = JSON.stringify(redactJson(json.value));
  let event: TawkEvent;
  try {
    event = parseTawkEvent(json.value);
  } catch (error) {
    if (!(error instanceof MalformedChatError)) throw error;
    return keep(input, key, payload, `not understood: ${error.message}`);
  }
  try {
    return input.db.sqlite.transaction((): TawkWebhookResult => {
      const earlier = findTawkEventId(input.db, key);
      if (earlier !== null) return recordDuplicate(input, earlier);
      const result = `${event.event}: ${storeTawkEvent(input.db, event, input.now)}`;
      insertTawkEvent(input.db, { key, ip: input.ip, payload, status: 'processed', result }, input.now);
      return { status: 200, body: { ok: true, result } };
    })();
  } catch (error) {
    // A value the store could not take (or a bug): the transaction rolled back; keep the event
    // for replay after a fix rather than make tawk.to retry into the same fault for 12 hours.
    return keep(input, key, payload, `failed to store: ${(error as Error).message}`);
  }
}

/** Writes one understood event; also used by replay. Synchronous: run it in a transaction. */
export function storeTawkEvent(db: Db, event: TawkEvent, now: Date): string {
  if (event.kind === 'ticket') {
    const result = storeTicket(db, event.ticket, { now });
    return `${result} ticket ${event.ticket.humanId ? `#${event.ticket.humanId}` : event.ticket.externalId}`;
  }
  return `${storeChat(db, event.chat, { source: 'tawk', now })} chat ${event.chat.externalId}`;
}

function keep(input: TawkWebhookInput, key: string, payload: string, reason: string): TawkWebhookResult {
  return input.db.sqlite.transaction((): TawkWebhookResult => {
    const earlier = findTawkEventId(input.db, key);
    if (earlier !== null) return recordDuplicate(input, earlier);
    insertAuditedTawkEvent(
      input.db,
      { key, ip: input.ip, payload, status: 'kept', result: `kept for replay: ${reason}` },
      input.now,
    );
    return { status: 202, body: { ok: true, result: 'kept' } };
  })();
}

function recordDuplicate(input: TawkWebhookInput, earlier: number): TawkWebhookResult {
  insertTawkEvent(
    input.db,
    { key: null, ip: input.ip, payload: '', status: 'duplicate', result: `duplicate of #${earlier}` },
    input.now,
  );
  return { status: 200, body: { ok: true, result: 'duplicate' } };
}

/** A refused request: a small record (never the body, which nobody vouched for) and an audit entry. */
export function refuseTawkWebhook(
  input: Pick<TawkWebhookInput, 'db' | 'now' | 'ip'> & { rawBody?: Buffer },
  reason: string,
): void {
  const size = input.rawBody ? `; ${input.rawBody.length} bytes` : '';
  insertAuditedTawkEvent(
    input.db,
    { key: null, ip: input.ip, payload: '', status: 'rejected', result: `${reason}${size}` },
    input.now,
  );
}

/** X-Hook-Event-Id stays the same across tawk.to's retries; without it, the body's hash does. */
function idempotencyKey(input: TawkWebhookInput): string {
  const header = input.eventId?.trim().slice(0, 200);
  return header || `sha256:${createHash('sha256').update(input.rawBody).digest('hex')}`;
}

function decode(raw: Buffer): { text: string; isUtf8: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(raw), isUtf8: true };
  } catch {
    return { text: raw.toString('utf8'), isUtf8: false };
  }
}
