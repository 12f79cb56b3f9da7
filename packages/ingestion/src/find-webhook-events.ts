import type { Db, Prisma } from '@keydesk/db';
import { REPLAYABLE_STATUSES } from './replay-webhook-event.ts';

export const webhookEventSummarySelect = {
  id: true,
  source: true,
  idempotencyKey: true,
  receivedAt: true,
  remoteIp: true,
  status: true,
  result: true,
  orderId: true,
  payload: true,
  bodyBytes: true,
} satisfies Prisma.WebhookEventSelect;

/** Payloads are redacted already; the list shows their start only. */
const PAYLOAD_PREVIEW_LENGTH = 2000;

export async function findWebhookEvents(options: {
  db: Db;
  limit: number;
  cursor?: number | null;
  source?: string | null;
  status?: string | null;
}) {
  const rows = await options.db.prisma.webhookEvent.findMany({
    select: webhookEventSummarySelect,
    where: {
      ...(options.source ? { source: options.source } : {}),
      ...(options.status ? { status: options.status } : {}),
      ...(options.cursor ? { id: { lt: options.cursor } } : {}),
    },
    orderBy: { id: 'desc' },
    take: options.limit + 1,
  });
  const page = rows.slice(0, options.limit);
  return {
    items: page.map((row) => ({
      ...row,
      payload: row.payload.slice(0, PAYLOAD_PREVIEW_LENGTH),
      // 'kept': signed but not understood when it arrived; replayable once its payload was kept.
      canReplay: REPLAYABLE_STATUSES.has(row.status) && row.source !== 'newsletter' && row.payload !== '',
    })),
    nextCursor: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
