// Settings → Webhooks → Replay for a tawk.to row: runs its stored (redacted, signature-checked)
// payload through today's parser and store. A kept event becomes processed once Keydesk
// understands it; one it still cannot read stays kept and the owner is told why.
import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
import { DomainError } from '@keydesk/db';
import { parseJsonWithinDepth } from './bounded-json.ts';
import { MalformedChatError, parseTawkEvent } from './parse-tawk.ts';
import { markTawkEventReplayed, webhookEventById } from './sql/tawk.ts';
import { storeTawkEvent } from './tawk-webhook.ts';

export class TawkReplayError extends DomainError {
  readonly kind = 'invalid';
}

export type TawkReplayResult = { id: number; status: 'processed'; result: string };

/** Replays WebhookEvent `id` if it is a tawk.to row; null for any other source. */
export function replayTawkWebhookEvent(options: { db: Db; now: Date; id: number }): TawkReplayResult | null {
  const { db, now, id } = options;
  const row = webhookEventById.get(db, { id });
  if (row?.source !== 'tawk') return null;
  if (row.status === 'rejected')
    throw new TawkReplayError('Only verified notifications can be replayed; this one was never verified.');
  if (row.payload === '')
    throw new TawkReplayError('This row is a repeat delivery and holds no body; replay the original.');
  const json = parseJsonWithinDepth(row.payload);
  if (!json.ok) throw new TawkReplayError(`Still not understood: ${json.reason}.`);
  let event: ReturnType<typeof parseTawkEvent>;
  try {
    event = parseTawkEvent(json.value);
  } catch (error) {
    if (!(error instanceof MalformedChatError)) throw error;
    throw new TawkReplayError(`Still not understood: ${error.message}.`);
  }
  return db.sqlite.transaction((): TawkReplayResult => {
    const result = `replayed ${now.toISOString()}: ${event.event}: ${storeTawkEvent(db, event, now)}`;
    markTawkEventReplayed.run(db, { id: row.id, result });
    recordAudit(
      db,
      {
        action: 'webhook.replay',
        actor: 'owner',
        targetType: 'WebhookEvent',
        targetId: row.id,
        details: { source: 'tawk' },
      },
      now,
    );
    return { id: row.id, status: 'processed', result };
  })();
}
