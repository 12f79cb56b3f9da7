// Replays a stored notification through the same apply step, from its redacted payload. Only
// notifications that passed their signature check once can be replayed.
import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
import { parseAvangateNotification } from './avangate-ipn.ts';
import { parseFormPairs } from './form-pairs.ts';
import { createOrderWriter } from './order-writer.ts';
import { parsePayProNotification } from './paypro-ipn.ts';

export class WebhookReplayError extends Error {}

export type ReplayResult = { id: number; status: 'processed'; result: string };

export function replayWebhookEvent(options: { db: Db; now: Date; id: number }): ReplayResult {
  const row = options.db.sqlite
    .prepare('SELECT id, source, payload, status FROM WebhookEvent WHERE id = ?')
    .safeIntegers(false)
    .get(options.id) as { id: number; source: string; payload: string; status: string } | undefined;
  if (!row) throw new WebhookReplayError('No such notification.');
  if (row.status !== 'processed' && row.status !== 'duplicate')
    throw new WebhookReplayError('Only verified notifications can be replayed; this one was never verified.');
  const pairs = parseFormPairs(row.payload);
  const event =
    row.source === 'paypro'
      ? parsePayProNotification(pairs, {
          now: options.now,
          skipVerification: true,
          secrets: { validationKey: null, secretKey: null },
        }).event
      : row.source === 'avangate'
        ? parseAvangateNotification(pairs, { now: options.now, checkAge: false }).event
        : null;
  if (event === null && row.source !== 'paypro' && row.source !== 'avangate')
    throw new WebhookReplayError(`Notifications from ${row.source} cannot be replayed here.`);
  const writer = createOrderWriter({ db: options.db, now: () => options.now });
  return options.db.sqlite.transaction(() => {
    const applied = event ? writer.apply(event) : null;
    const result = `replayed ${options.now.toISOString()}: ${applied ? `${applied.outcome} order #${applied.orderId} (${applied.status})` : 'changes no order'}`;
    options.db.sqlite
      .prepare(
        `UPDATE WebhookEvent SET status = 'processed', result = ?, orderId = coalesce(?, orderId) WHERE id = ?`,
      )
      .run(result, applied?.orderId ?? null, row.id);
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
