// An order's product lines as resellers notify them. PayPro sends one notification per product,
// so each notification adds or refreshes its own line and the order's product and quantity are
// summed from all lines: the first line names the order, the quantities add up.
import type { Db } from '@keydesk/db';
import type { OrderEvent } from './order-event.ts';
import { orderLinesSummary, setOrderProductSummary, upsertOrderLine } from './sql/orders.ts';

/** Writes the event's keyed lines and the order's summary; false when the event names no lines. */
export function writeOrderLines(db: Db, orderId: number, event: OrderEvent, nowMs: number): boolean {
  let wrote = false;
  for (const item of event.items) {
    if (!item.lineKey) continue;
    const { lineKey, product, edition, quantity } = item;
    upsertOrderLine.run(db, { orderId, lineKey, product, edition, quantity, nowMs });
    wrote = true;
  }
  if (!wrote) return false;
  // The lines just written are there: the summary reads at least one.
  const summary = orderLinesSummary.get(db, { orderId });
  if (!summary) return false;
  return setOrderProductSummary.run(db, { ...summary, orderId, nowMs }).changes > 0;
}
