import type { RouterOutputs } from '@keydesk/api';
import { Badge, Table, Text } from '@mantine/core';
import { EmptyState } from '../../components/ui/query-state.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { TableContainer } from '../../components/ui/table-container.tsx';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { ORDER_STATUS, resellerLabel } from '../../lib/statuses.ts';

type Order = RouterOutputs['customer']['get']['orders'][number];

export function CustomerOrdersTable({ orders }: { orders: Order[] }) {
  if (orders.length === 0)
    return <EmptyState title="No orders">Orders arrive from the resellers' webhooks and imports.</EmptyState>;
  return (
    <TableContainer label="Orders" minWidth={720}>
      <Table verticalSpacing="xs" aria-label="Orders">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Reseller</Table.Th>
            <Table.Th>Order id</Table.Th>
            <Table.Th>Product</Table.Th>
            <Table.Th className="num">Amount</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((order) => (
            <Table.Tr key={order.id}>
              <Table.Td>{formatDate(order.purchasedAt)}</Table.Td>
              <Table.Td>{resellerLabel(order.reseller)}</Table.Td>
              <Table.Td ff="monospace">{order.resellerOrderId}</Table.Td>
              <Table.Td>
                {order.product} {order.edition}
                {order.quantity > 1 ? ` × ${order.quantity}` : ''}
                {order.isTest ? (
                  <Badge ml={6} size="xs" variant="outline">
                    Test
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td className="num">
                {formatMoney(order.amountMinor, order.currency)}
                {order.refundedMinor > 0 ? (
                  <Text size="xs" c="dimmed">
                    −{formatMoney(order.refundedMinor, order.currency)} refunded
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
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
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableContainer>
  );
}
