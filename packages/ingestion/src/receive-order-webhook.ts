// Intake of PayPro and Avangate notifications: parse, verify, redact, dedupe, apply, log.
// HTTP-free: the route reads the body and hands it here; replay uses the same apply step.
// Order matters: nothing of a body is stored before its signature is checked, and what is then
// stored is the allow-listed payload tied to the customer it concerns (stored-payload.ts).
import type { Db } from '@keydesk/db';
import { redactPairs } from '@keydesk/privacy';
import {
  type AvangateAlgorithm,
  avangateReceipt,
  parseAvangateNotification,
  verifyAvangateSignature,
} from './avangate-ipn.ts';
import { indexFormPairs, MalformedBodyError, parseFormPairs } from './form-pairs.ts';
import type { OrderEvent } from './order-event.ts';
import { createOrderWriter } from './order-writer.ts';
import {
  NotificationRejectedError,
  type PayProSecrets,
  parsePayProNotification,
  verifyPayProSignature,
} from './paypro-ipn.ts';
import { orderIdsOfResellerOrder } from './sql/webhooks.ts';
import { findNotifiedCustomerId, storedPayload } from './stored-payload.ts';
import {
  findProcessedEventId,
  insertWebhookEvent,
  recordRejectedWebhook,
  textReply,
  type WebhookReply,
  type WebhookSource,
} from './webhook-event-log.ts';

type ResellerSource = 'paypro' | 'avangate';
type ReceiveOptions = { db: Db; now: Date; body: string; ip: string | null };

const STATUS_BY_REASON = { unsigned: 401, 'bad-signature': 401, malformed: 400, stale: 400 } as const;

function reasonOf(error: unknown): keyof typeof STATUS_BY_REASON | null {
  if (error instanceof NotificationRejectedError) return error.reason;
  if (error instanceof MalformedBodyError) return 'malformed';
  return null;
}

/** Refused before or at the signature check (or stale): a small record, never the body. */
function reject(options: ReceiveOptions & { source: WebhookSource }, error: unknown): WebhookReply {
  const reason = reasonOf(error);
  if (reason === null) throw error;
  const message = (error as Error).message;
  recordRejectedWebhook(options.db, {
    source: options.source,
    ip: options.ip,
    now: options.now,
    bodyBytes: Buffer.byteLength(options.body),
    reason: `${reason}: ${message}`,
  });
  return textReply(STATUS_BY_REASON[reason], `Rejected: ${message}`);
}

/**
 * Signed, but of a shape this version cannot apply: kept (allow-listed) for a replay once the
 * code understands it, and acknowledged so the reseller stops retrying what retrying won't fix.
 */
function keepUnrecognized(
  options: ReceiveOptions & { source: ResellerSource; pairs: [string, string][] },
  error: NotificationRejectedError,
): void {
  const customerId = findNotifiedCustomerId(options.db, options.source, options.pairs);
  insertWebhookEvent(
    options.db,
    {
      source: options.source,
      idempotencyKey: null,
      remoteIp: options.ip,
      payload: storedPayload(options.source, options.pairs, customerId),
      status: 'kept',
      result: `${error.reason}: ${error.message}`,
      orderId: null,
      customerId,
      bodyBytes: Buffer.byteLength(options.body),
    },
    options.now,
  );
}

/** Applies one verified event exactly once per idempotency key; duplicates are logged, not applied. */
export function applyNotification(
  options: ReceiveOptions & {
    source: ResellerSource;
    idempotencyKey: string;
    /** Redacted; allow-listed here once the customer it concerns is known. */
    pairs: [string, string][];
    event: OrderEvent | null;
    ignoredNote: string;
  },
): { isDuplicate: boolean; orderId: number | null; licenseKeys: string[] } {
  const { db, source } = options;
  const writer = createOrderWriter({ db, now: () => options.now });
  const log = (row: {
    idempotencyKey: string | null;
    status: 'processed' | 'duplicate';
    result: string;
    orderId: number | null;
    customerId: number | null;
  }) =>
    insertWebhookEvent(
      db,
      {
        ...row,
        source,
        remoteIp: options.ip,
        payload: storedPayload(source, options.pairs, row.customerId),
        bodyBytes: Buffer.byteLength(options.body),
      },
      options.now,
    );
  return db.sqlite.transaction(() => {
    const earlier = findProcessedEventId(db, source, options.idempotencyKey);
    if (earlier !== null) {
      const order = options.event
        ? orderIdsOfResellerOrder.get(db, {
            reseller: options.event.reseller,
            resellerOrderId: options.event.resellerOrderId,
          })
        : undefined;
      log({
        idempotencyKey: null,
        status: 'duplicate',
        result: `duplicate of event #${earlier}`,
        orderId: order?.id ?? null,
        customerId: order?.customerId ?? findNotifiedCustomerId(db, source, options.pairs),
      });
      return {
        isDuplicate: true,
        orderId: order?.id ?? null,
        licenseKeys: order ? writer.licenseKeysOf(order.id) : [],
      };
    }
    const result = options.event ? writer.apply(options.event) : null;
    log({
      idempotencyKey: options.idempotencyKey,
      status: 'processed',
      result: result ? `${result.outcome} order #${result.orderId} (${result.status})` : options.ignoredNote,
      orderId: result?.orderId ?? null,
      customerId: result ? result.customerId : findNotifiedCustomerId(db, source, options.pairs),
    });
    return {
      isDuplicate: false,
      orderId: result?.orderId ?? null,
      licenseKeys: result ? writer.licenseKeysOf(result.orderId) : [],
    };
  })();
}

export function receivePayProWebhook(options: ReceiveOptions & { secrets: PayProSecrets }): WebhookReply {
  const source = 'paypro' as const;
  let pairs: [string, string][];
  try {
    pairs = parseFormPairs(options.body);
    verifyPayProSignature(indexFormPairs(pairs), options.secrets);
  } catch (error) {
    return reject({ ...options, source }, error);
  }
  // Signatures are checked on the raw values; everything kept comes from the redacted ones.
  const redacted = redactPairs(pairs);
  let parsed: ReturnType<typeof parsePayProNotification>;
  try {
    parsed = parsePayProNotification(redacted, {
      now: options.now,
      secrets: options.secrets,
      skipVerification: true,
    });
  } catch (error) {
    if (!(error instanceof NotificationRejectedError)) throw error;
    keepUnrecognized({ ...options, source, pairs: redacted }, error);
    return textReply(200, `OK (kept, not applied: ${error.message})`);
  }
  const applied = applyNotification({
    ...options,
    source,
    idempotencyKey: parsed.idempotencyKey,
    pairs: redacted,
    event: parsed.event,
    ignoredNote: `ignored: ${parsed.typeName} changes no order`,
  });
  if (parsed.wantsLicenseReply) return textReply(200, applied.licenseKeys.join('\n'));
  return textReply(200, applied.isDuplicate ? 'OK (duplicate)' : 'OK');
}

export function receiveAvangateWebhook(options: ReceiveOptions & { secretKey: string }): WebhookReply {
  const source = 'avangate' as const;
  let pairs: [string, string][];
  let algorithm: AvangateAlgorithm;
  try {
    pairs = parseFormPairs(options.body);
    algorithm = verifyAvangateSignature(pairs, options.secretKey);
  } catch (error) {
    return reject({ ...options, source }, error);
  }
  const redacted = redactPairs(pairs);
  const receipt = () =>
    textReply(200, avangateReceipt({ pairs, secretKey: options.secretKey, algorithm, now: options.now }));
  let parsed: ReturnType<typeof parseAvangateNotification>;
  try {
    parsed = parseAvangateNotification(redacted, { now: options.now });
  } catch (error) {
    // A stale notification is a captured one sent again: refused, as an unsigned one would be.
    if (!(error instanceof NotificationRejectedError) || error.reason === 'stale')
      return reject({ ...options, source }, error);
    keepUnrecognized({ ...options, source, pairs: redacted }, error);
    return receipt();
  }
  applyNotification({
    ...options,
    source,
    idempotencyKey: parsed.idempotencyKey,
    pairs: redacted,
    event: parsed.event,
    ignoredNote: 'ignored: this ORDERSTATUS changes no order',
  });
  return receipt();
}

/** Without a configured key nothing can be verified: refused, and the reseller will retry later. */
export function rejectUnconfigured(options: ReceiveOptions & { source: WebhookSource }): WebhookReply {
  recordRejectedWebhook(options.db, {
    source: options.source,
    ip: options.ip,
    now: options.now,
    bodyBytes: Buffer.byteLength(options.body),
    reason: 'unconfigured: no secret set',
  });
  return textReply(503, 'Webhook secret not configured.');
}
