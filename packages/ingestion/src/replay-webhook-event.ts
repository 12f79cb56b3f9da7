// Replays a stored notification through the same apply step, from its redacted payload. Only
// notifications that passed their signature check once can be replayed.
import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
import { DomainError } from '@keydesk/db';
import { parseAvangateNotification } from './avangate-ipn.ts';
import { parseFormPairs } from './form-pairs.ts';
import type { OrderEvent } from './order-event.ts';
import { createOrderWriter } from './order-writer.ts';
import { NotificationRejectedError, parsePayProNotification } from './paypro-ipn.ts';
import { markWebhookEventReplayed, webhookEventById } from './sql/webhooks.ts';

export class WebhookReplayError extends DomainError {
  readonly kind = 'invalid';
}

/** Statuses whose payload passed its signature check. */
export const REPLAYABLE_STATUSES: ReadonlySet<string> = new Set(['processed', 'duplicate', 'kept']);
/** What erasure wrote into payloads before they were blanked by reference. */
const ERASED_PAYLOAD_MARK = '{"erased":true}';

export type ReplayResult = { id: number; status: 'processed'; result: string };

export function replayWebhookEvent(options: { db: Db; now: Date; id: number }): ReplayResult {
  const row = webhookEventById.get(options.db, { id: options.id });
  if (!row) throw new WebhookReplayError('No such notification.');
  if (row.source !== 'paypro' && row.source !== 'avangate')
    throw new WebhookReplayError(`Notifications from ${row.source} cannot be replayed here.`);
  if (!REPLAYABLE_STATUSES.has(row.status))
    throw new WebhookReplayError('Only verified notifications can be replayed; this one was never verified.');
  if (row.payload === '' || row.payload === ERASED_PAYLOAD_MARK)
    throw new WebhookReplayError('This notification no longer has a payload (erased or purged).');
  const pairs = parseFormPairs(row.payload);
  const event = parseStoredEvent(row.source, pairs, options.now);
  const writer = createOrderWriter({ db: options.db, now: () => options.now });
  return options.db.sqlite.transaction(() => {
    const applied = event ? writer.apply(event) : null;
    const result = `replayed ${options.now.toISOString()}: ${applied ? `${applied.outcome} order #${applied.orderId} (${applied.status})` : 'changes no order'}`;
    markWebhookEventReplayed.run(options.db, {
      id: row.id,
      result,
      orderId: applied?.orderId ?? null,
      customerId: applied?.customerId ?? null,
    });
    recordAudit(
      options.db,
      {
        action: 'webhook.replay',
        actor: 'owner',
        targetType: 'WebhookEvent',
        targetId: row.id,
        details: { source: row.source },
      },
      options.now,
    );
    return { id: row.id, status: 'processed' as const, result };
  })();
}

function parseStoredEvent(source: string, pairs: [string, string][], now: Date): OrderEvent | null {
  try {
    if (source === 'paypro')
      return parsePayProNotification(pairs, {
        now,
        skipVerification: true,
        secrets: { validationKey: null, secretKey: null },
      }).event;
    if (source === 'avangate') return parseAvangateNotification(pairs, { now, checkAge: false }).event;
    return null;
  } catch (error) {
    if (error instanceof NotificationRejectedError)
      throw new WebhookReplayError(`It still cannot be applied: ${error.message}`);
    throw error;
  }
}
