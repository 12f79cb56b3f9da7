import { z } from 'zod';

/** Rows per page of a list: at least 1, at most 100, 25 unless asked; one bound for every list. */
export const ZPageLimit = z.number().int().min(1).max(100).default(25);

/** A page of a list keyed by row id: nextCursor is the id the next page starts from, null on the last. */
export function pageOf<TItem extends z.ZodType>(item: TItem) {
  return z.object({ items: z.array(item), nextCursor: z.number().int().nullable() });
}
