import type { RouterOutputs } from '@keydesk/api';
import { Text } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/query-state.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { formatDateTime, formatMoney } from '../../lib/format.ts';
import { ORDER_STATUS, resellerLabel } from '../../lib/statuses.ts';

type LatestOrder = RouterOutputs['overview']['get']['latestOrders'][number];

export function OverviewLatestOrders({ orders }: { orders: LatestOrder[] }) {
  if (orders.length === 0) {
    return (
      <EmptyState title="No orders yet">
        Orders arrive from the resellers' webhooks, or load history with npm run import.
      </EmptyState>
    );
  }
  return (
    // A plain table: Mantine's Table brings ScrollArea and floating-ui (about 20 KB gzip) into the
    // first screen's JavaScript; the look comes from .kd-table in styles.css.
    <div className="kd-table-scroll">
      <table className="kd-table">
        <thead>
          <tr>
            <th>Date</th>
            <th>Customer</th>
            <th>Product</th>
            <th>Reseller</th>
            <th className="num">Amount</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <td>
                <Text size="sm">{formatDateTime(order.purchasedAt)}</Text>
              </td>
              <td>
                {order.customer ? (
                  <Text
                    component={Link}
                    to={`/customers/${order.customer.id}`}
                    size="sm"
                    c="var(--mantine-color-anchor)"
                  >
                    {order.customer.name}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    Erased customer
                  </Text>
                )}
              </td>
              <td>
                <Text size="sm">
                  {order.product} {order.edition}
                </Text>
              </td>
              <td>
                <Text size="sm">{resellerLabel(order.reseller)}</Text>
                <Text size="xs" c="dimmed" className="mono">
                  {order.resellerOrderId}
                </Text>
              </td>
              <td className="num">{formatMoney(order.amountMinor, order.currency)}</td>
              <td>
                <StatusBadge vocabulary={ORDER_STATUS} status={order.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
