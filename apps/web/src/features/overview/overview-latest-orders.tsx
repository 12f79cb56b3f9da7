import type { RouterOutputs } from '@keydesk/api';
import { Badge, Text } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/query-state.tsx';
import { formatDateTime, formatMoney } from '../../lib/format.ts';

type LatestOrder = RouterOutputs['overview']['get']['latestOrders'][number];

const STATUS_COLORS: Record<string, string> = {
  completed: 'teal',
  refunded: 'orange',
  partially_refunded: 'yellow',
  charged_back: 'red',
  canceled: 'gray',
  pending: 'blue',
};

export const RESELLER_LABELS: Record<string, string> = {
  paypro: 'PayPro Global',
  avangate: 'Avangate',
  manual: 'Manual',
};

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
                <Text size="sm">{RESELLER_LABELS[order.reseller] ?? order.reseller}</Text>
                <Text size="xs" c="dimmed" className="mono">
                  {order.resellerOrderId}
                </Text>
              </td>
              <td className="num">{formatMoney(order.amountMinor, order.currency)}</td>
              <td>
                <Badge variant="light" color={STATUS_COLORS[order.status] ?? 'gray'}>
                  {order.status.replace('_', ' ')}
                </Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
