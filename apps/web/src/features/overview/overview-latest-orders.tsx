import type { RouterOutputs } from '@keydesk/api';
import { Badge, Table, Text } from '@mantine/core';
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
    <Table.ScrollContainer minWidth={560}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Product</Table.Th>
            <Table.Th>Reseller</Table.Th>
            <Table.Th className="num">Amount</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((order) => (
            <Table.Tr key={order.id}>
              <Table.Td>
                <Text size="sm">{formatDateTime(order.purchasedAt)}</Text>
              </Table.Td>
              <Table.Td>
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
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {order.product} {order.edition}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{RESELLER_LABELS[order.reseller] ?? order.reseller}</Text>
                <Text size="xs" c="dimmed" className="mono">
                  {order.resellerOrderId}
                </Text>
              </Table.Td>
              <Table.Td className="num">{formatMoney(order.amountMinor, order.currency)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLORS[order.status] ?? 'gray'}>
                  {order.status.replace('_', ' ')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
