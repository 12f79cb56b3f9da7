// POST /hooks/tawk, minus the HTTP: verify the HMAC-SHA1 of the raw body, dedupe on
// X-Hook-Event-Id, store the chat. Every outcome leaves a WebhookEvent row; rejections also audit.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
import { redactJson } from '@keydesk/privacy';
import { MalformedChatError, parseTawkEvent } from './parse-tawk.ts';
import { sql } from './sql.ts';
import { storeChat } from './store-chat.ts';

export type TawkWebhookInput = {
  db: Db;
  now: Date;
  rawBody: Buffer;
  signature: string | null;
  eventId: string | null;
  secret: string | null;
  ip: string | null;
};

export type TawkWebhookResult = { status: 200 | 400 | 401 | 503; body: { ok: boolean; result: string } };

export function verifyTawkSignature(rawBody: Buffer, signature: string, secret: string): boolean {
  const expected = createHmac('sha1', secret).update(rawBody).digest();
  const given = Buffer.from(signature.trim().toLowerCase(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function handleTawkWebhook(input: TawkWebhookInput): TawkWebhookResult {
  const { db, now } = input;
  if (!input.secret) {
    reject(input, 'no webhook secret configured');
    return { status: 503, body: { ok: false, result: 'not configured' } };
  }
  if (!input.signature || !verifyTawkSignature(input.rawBody, input.signature, input.secret)) {
    reject(input, 'bad signature');
    return { status: 401, body: { ok: false, result: 'bad signature' } };
  }
  let body: unknown;
  try {
    body = JSON.parse(input.rawBody.toString('utf8'));
  } catch {
    reject(input, 'body is not JSON');
    return { status: 400, body: { ok: false, result: 'malformed' } };
  }
  let event: ReturnType<typeof parseTawkEvent>;
  try {
    event = parseTawkEvent(body);
  } catch (error) {
    if (!(error instanceof MalformedChatError)) throw error;
    reject(input, error.message, body);
    return { status: 400, body: { ok: false, result: 'malformed' } };
  }
  const key = input.eventId ?? `${event.event}:${event.chat.externalId}:${event.chat.messages.length}`;
  const payload = JSON.stringify(redactJson(body));
  return db.sqlite.transaction((): TawkWebhookResult => {
    const seen = sql(db).webhookSeen.get(key);
    if (seen) return { status: 200, body: { ok: true, result: 'duplicate' } };
    const result = storeChat(db, event.chat, { source: 'tawk', now });
    sql(db).webhookProcessed.run(key, now.getTime(), input.ip, payload, `${event.event}: ${result}`);
    return { status: 200, body: { ok: true, result } };
  })();
}

function reject(input: TawkWebhookInput, reason: string, body?: unknown): void {
  const { db, now } = input;
  db.sqlite.transaction(() => {
    sql(db).webhookRejected.run(
      now.getTime(),
      input.ip,
      body === undefined ? '' : JSON.stringify(redactJson(body)).slice(0, 100_000),
      reason,
    );
    recordAudit(
      db,
      { action: 'tawk.webhook.rejected', actor: 'webhook', ip: input.ip, details: { reason } },
      now,
    );
  })();
}
