import type { Db, Prisma } from '@keydesk/db';
import { type OutboxStatus, toOutboxStatus } from './outbox-store.ts';

/** Where an email's delivery stands, as the outbox list and a license's resend history show it. */
export const outboxDeliverySelect = {
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  serverResponse: true,
  messageId: true,
  sentAt: true,
} satisfies Prisma.OutboxEmailSelect;

export const outboxEmailSelect = {
  id: true,
  kind: true,
  toAddress: true,
  subject: true,
  customerId: true,
  createdAt: true,
  ...outboxDeliverySelect,
} satisfies Prisma.OutboxEmailSelect;

/** Newest first, by id; cursor is the last id seen. */
export async function findOutboxEmails(options: {
  db: Db;
  status?: OutboxStatus | undefined;
  cursor?: number | null | undefined;
  limit: number;
}) {
  const rows = await options.db.prisma.outboxEmail.findMany({
    select: outboxEmailSelect,
    where: {
      ...(options.status ? { status: options.status } : {}),
      ...(options.cursor ? { id: { lt: options.cursor } } : {}),
    },
    orderBy: { id: 'desc' },
    take: options.limit + 1,
  });
  const hasMore = rows.length > options.limit;
  const items = hasMore ? rows.slice(0, options.limit) : rows;
  const counts = await options.db.prisma.outboxEmail.groupBy({ by: ['status'], _count: { _all: true } });
  return {
    items: items.map((item) => ({ ...item, status: toOutboxStatus(item.status) })),
    nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null,
    counts: Object.fromEntries(counts.map((row) => [row.status, row._count._all])) as Partial<
      Record<OutboxStatus, number>
    >,
  };
}
