import type { RouterOutputs } from '@keydesk/api';
import { Table, Text } from '@mantine/core';
import { EmptyState } from '../../components/ui/query-state.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { TableContainer } from '../../components/ui/table-container.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { OUTBOX_STATUS } from '../../lib/statuses.ts';

type Resend = RouterOutputs['customer']['get']['resends'][number];

export function CustomerResendsTable({ resends }: { resends: Resend[] }) {
  if (resends.length === 0) {
    return <EmptyState title="No key resent yet">Use “Resend key” on a license above.</EmptyState>;
  }
  return (
    <TableContainer label="Key resends" minWidth={640}>
      <Table verticalSpacing="xs" aria-label="Key resends">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Requested</Table.Th>
            <Table.Th>License</Table.Th>
            <Table.Th>Sent to</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {resends.map((resend) => (
            <Table.Tr key={resend.id}>
              <Table.Td>{formatDateTime(resend.requestedAt)}</Table.Td>
              <Table.Td>
                {resend.product} {resend.edition}{' '}
                <Text span ff="monospace" size="xs" c="dimmed">
                  …{resend.keyTail}
                </Text>
              </Table.Td>
              <Table.Td>
                {resend.toAddress}
                {resend.isAlternateAddress ? (
                  <Text size="xs" c="dimmed">
                    Another address than the customer's
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <StatusBadge vocabulary={OUTBOX_STATUS} status={resend.status} />
                {resend.sentAt ? (
                  <Text size="xs" c="dimmed">
                    {formatDateTime(resend.sentAt)}
                  </Text>
                ) : null}
                {resend.status === 'failed' && resend.lastError ? (
                  <Text size="xs" c="red">
                    {resend.lastError}
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
