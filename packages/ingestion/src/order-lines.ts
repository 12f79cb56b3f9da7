// An order's product lines as resellers notify them. PayPro sends one notification per product,
// so each notification adds or refreshes its own line and the order's product and quantity are
// summed from all lines: the first line names the order, the quantities add up.
import type Database from 'better-sqlite3';
import type { OrderEvent } from './order-event.ts';

type Statement = Database.Statement;

export type OrderLineStatements = {
  upsertOrderLine: Statement;
  orderLinesSummary: Statement;
  setOrderProductSummary: Statement;
};

/** Writes the event's keyed lines and the order's summary; false when the event names no lines. */
export function writeOrderLines(
  s: OrderLineStatements,
  orderId: number,
  event: OrderEvent,
  nowMs: number,
): boolean {
  const keyed = event.items.filter((item) => item.lineKey);
  if (keyed.length === 0) return false;
  for (const item of keyed)
    s.upsertOrderLine.run(orderId, item.lineKey, item.product, item.edition, item.quantity, nowMs);
  const summary = s.orderLinesSummary.get({ orderId }) as {
    product: string;
    edition: string;
    quantity: number;
  };
  return s.setOrderProductSummary.run({ ...summary, orderId, now: nowMs }).changes > 0;
}
