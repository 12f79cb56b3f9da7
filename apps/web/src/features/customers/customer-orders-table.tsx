import type { RouterOutputs } from '@keydesk/api';
import { Badge, Text } from '@mantine/core';
import { type Column, ColumnTable } from '../../components/ui/column-table.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { ORDER_STATUS, resellerLabel } from '../../lib/statuses.ts';

type Order = RouterOutputs['customer']['get']['orders'][number];

const COLUMNS: Column<Order>[] = [
  { header: 'Date', cell: (order) => formatDate(order.purchasedAt) },
  { header: 'Reseller', cell: (order) => resellerLabel(order.reseller) },
  { header: 'Order id', cell: (order) => order.resellerOrderId, cellProps: () => ({ ff: 'monospace' }) },
  {
    header: 'Product',
    cell: (order) => (
      <>
        {order.product} {order.edition}
        {order.quantity > 1 ? ` × ${order.quantity}` : ''}
        {order.isTest ? (
          <Badge ml={6} size="xs" variant="outline">
            Test
          </Badge>
        ) : null}
      </>
    ),
  },
  {
    header: 'Amount',
    isNumeric: true,
    cell: (order) => (
      <>
        {formatMoney(order.amountMinor, order.currency)}
        {order.refundedMinor > 0 ? (
          <Text size="xs" c="dimmed">
            −{formatMoney(order.refundedMinor, order.currency)} refunded
          </Text>
        ) : null}
      </>
    ),
  },
  {
    header: 'Status',
    cell: (order) => (
      <>
        <StatusBadge vocabulary={ORDER_STATUS} status={order.status} />
        {order.refundedAt ? (
          <Text size="xs" c="dimmed">
            Refunded {formatDate(order.refundedAt)}
          </Text>
        ) : null}
        {order.chargedBackAt ? (
          <Text size="xs" c="dimmed">
            Charged back {formatDate(order.chargedBackAt)}
          </Text>
        ) : null}
      </>
    ),
  },
];

export function CustomerOrdersTable({ orders }: { orders: Order[] }) {
  return (
    <ColumnTable
      label="Orders"
      minWidth={720}
      columns={COLUMNS}
      rows={orders}
      empty={{ title: 'No orders', description: "Orders arrive from the resellers' webhooks and imports." }}
    />
  );
}
