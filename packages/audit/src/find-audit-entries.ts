import type { Db, Prisma } from '@keydesk/db';
import { auditActions } from './sql.ts';

export const auditEntrySelect = {
  id: true,
  at: true,
  actor: true,
  action: true,
  customerId: true,
  targetType: true,
  targetId: true,
  ip: true,
  details: true,
} satisfies Prisma.AuditLogSelect;

/** Newest first, paged by id (ids only grow, so a page never shifts while entries arrive). */
export async function findAuditEntries(options: {
  db: Db;
  action?: string;
  from?: Date;
  to?: Date;
  cursor?: number;
  limit: number;
}) {
  const rows = await options.db.prisma.auditLog.findMany({
    where: {
      ...(options.action ? { action: options.action } : {}),
      ...(options.from || options.to ? { at: { gte: options.from, lt: options.to } } : {}),
      ...(options.cursor ? { id: { lt: options.cursor } } : {}),
    },
    select: auditEntrySelect,
    orderBy: { id: 'desc' },
    take: options.limit + 1,
  });
  const hasMore = rows.length > options.limit;
  const items = hasMore ? rows.slice(0, options.limit) : rows;
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}

/** Every action that occurs, for the filter menu (the (action, at) index answers it without a scan). */
export function findAuditActions(options: { db: Db }): string[] {
  const rows = auditActions.all(options.db);
  return rows.map((r) => r.action);
}
