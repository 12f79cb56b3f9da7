// Intake of PayPro and Avangate notifications: parse, verify, redact, dedupe, apply, log.
// HTTP-free: the route reads the body and hands it here; replay uses the same apply step.
import type { Db } from '@keydesk/db';
import { redactPairs } from '@keydesk/privacy';
import {
  type AvangateAlgorithm,
  avangateReceipt,
  parseAvangateNotification,
  verifyAvangateSignature,
} from './avangate-ipn.ts';
import { encodeFormPairs, indexFormPairs, MalformedBodyError, parseFormPairs } from './form-pairs.ts';
import type { OrderEvent } from './order-event.ts';
import { createOrderWriter } from './order-writer.ts';
import {
  NotificationRejectedError,
  type PayProSecrets,
  parsePayProNotification,
  verifyPayProSignature,
} from './paypro-ipn.ts';
import {
  findProcessedEventId,
  insertWebhookEvent,
  recordRejectedWebhook,
  textReply,
  type WebhookReply,
  type WebhookSource,
} from './webhook-event-log.ts';

type ReceiveOptions = { db: Db; now: Date; body: string; ip: string | null };

const STATUS_BY_REASON = { unsigned: 401, 'bad-signature': 401, malformed: 400, stale: 400 } as const;

function reject(options: ReceiveOptions & { source: WebhookSource }, error: unknown): WebhookReply {
  const reason =
    error instanceof NotificationRejectedError
      ? error.reason
      : error instanceof MalformedBodyError
        ? 'malformed'
        : null;
  if (reason === null) throw error;
  const message = (error as Error).message;
  recordRejectedWebhook(options.db, {
    ...options,
    payload: redactedBody(options.body),
    reason: `${reason}: ${message}`,
  });
  return textReply(STATUS_BY_REASON[reason], `Rejected: ${message}`);
}

function redactedBody(body: string): string {
  try {
    return encodeFormPairs(redactPairs(parseFormPairs(body)));
  } catch {
    return body;
  }
}

/** Applies one verified event exactly once per idempotency key; duplicates are logged, not applied. */
export function applyNotification(
  options: ReceiveOptions & {
    source: WebhookSource;
    idempotencyKey: string;
    redactedPayload: string;
    event: OrderEvent | null;
    ignoredNote: string;
  },
): { isDuplicate: boolean; orderId: number | null; licenseKeys: string[] } {
  const writer = createOrderWriter({ db: options.db, now: () => options.now });
  return options.db.sqlite.transaction(() => {
    const earlier = findProcessedEventId(options.db, options.source, options.idempotencyKey);
    const log = { source: options.source, remoteIp: options.ip, payload: options.redactedPayload };
    if (earlier !== null) {
      insertWebhookEvent(
        options.db,
        {
          ...log,
          idempotencyKey: null,
          status: 'duplicate',
          result: `duplicate of event #${earlier}`,
          orderId: null,
        },
        options.now,
      );
      const order = options.event
        ? (options.db.sqlite
            .prepare('SELECT id FROM "Order" WHERE reseller = ? AND resellerOrderId = ?')
            .safeIntegers(false)
            .get(options.event.reseller, options.event.resellerOrderId) as { id: number } | undefined)
        : undefined;
      return {
        isDuplicate: true,
        orderId: order?.id ?? null,
        licenseKeys: order ? writer.licenseKeysOf(order.id) : [],
      };
    }
    const result = options.event ? writer.apply(options.event) : null;
    insertWebhookEvent(
      options.db,
      {
        ...log,
        idempotencyKey: options.idempotencyKey,
        status: 'processed',
        result: result
          ? `${result.outcome} order #${result.orderId} (${result.status})`
          : options.ignoredNote,
        orderId: result?.orderId ?? null,
      },
      options.now,
    );
    return {
      isDuplicate: false,
      orderId: result?.orderId ?? null,
      licenseKeys: result ? writer.licenseKeysOf(result.orderId) : [],
    };
  })();
}

export function receivePayProWebhook(options: ReceiveOptions & { secrets: PayProSecrets }): WebhookReply {
  const source = 'paypro' as const;
  try {
    const pairs = parseFormPairs(options.body);
    verifyPayProSignature(indexFormPairs(pairs), options.secrets);
    // Signatures are checked on the raw values; everything kept comes from the redacted ones.
    const redacted = redactPairs(pairs);
    const parsed = parsePayProNotification(redacted, {
      now: options.now,
      secrets: options.secrets,
      skipVerification: true,
    });
    const applied = applyNotification({
      ...options,
      source,
      idempotencyKey: parsed.idempotencyKey,
      redactedPayload: encodeFormPairs(redacted),
      event: parsed.event,
      ignoredNote: `ignored: ${parsed.typeName} changes no order`,
    });
    if (parsed.wantsLicenseReply) return textReply(200, applied.licenseKeys.join('\n'));
    return textReply(200, applied.isDuplicate ? 'OK (duplicate)' : 'OK');
  } catch (error) {
    return reject({ ...options, source }, error);
  }
}

export function receiveAvangateWebhook(options: ReceiveOptions & { secretKey: string }): WebhookReply {
  const source = 'avangate' as const;
  try {
    const pairs = parseFormPairs(options.body);
    const algorithm: AvangateAlgorithm = verifyAvangateSignature(pairs, options.secretKey);
    const redacted = redactPairs(pairs);
    const parsed = parseAvangateNotification(redacted, { now: options.now });
    applyNotification({
      ...options,
      source,
      idempotencyKey: parsed.idempotencyKey,
      redactedPayload: encodeFormPairs(redacted),
      event: parsed.event,
      ignoredNote: 'ignored: this ORDERSTATUS changes no order',
    });
    return textReply(
      200,
      avangateReceipt({ pairs, secretKey: options.secretKey, algorithm, now: options.now }),
    );
  } catch (error) {
    return reject({ ...options, source }, error);
  }
}

/** Without a configured key nothing can be verified: refused, and the reseller will retry later. */
export function rejectUnconfigured(options: ReceiveOptions & { source: WebhookSource }): WebhookReply {
  recordRejectedWebhook(options.db, {
    ...options,
    payload: options.body,
    reason: 'unconfigured: no secret set',
  });
  return textReply(503, 'Webhook secret not configured.');
}
