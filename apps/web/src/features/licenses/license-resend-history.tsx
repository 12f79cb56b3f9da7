import type { RouterOutputs } from '@keydesk/api';
import { Badge, Table, Text } from '@mantine/core';
import { EmptyState } from '../../components/ui/query-state.tsx';
import { TableContainer } from '../../components/ui/table-container.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { MailOutboxStatus } from '../mail/mail-outbox-status.tsx';

type Resend = RouterOutputs['licenseResend']['get']['resends'][number];

export function LicenseResendHistory({ resends, limit }: { resends: Resend[]; limit: number }) {
  if (resends.length === 0) {
    return (
      <EmptyState title="Never resent">
        Use “Resend key” to email this license's key to the customer or to another address.
      </EmptyState>
    );
  }
  return (
    <>
      <TableContainer label="Resend history" minWidth={560}>
        <Table data-testid="license-resend-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Requested</Table.Th>
              <Table.Th>To</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Sent at</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {resends.map((resend) => (
              <Table.Tr key={resend.id}>
                <Table.Td>
                  <Text size="sm">{formatDateTime(resend.requestedAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{resend.toAddress}</Text>
                  {resend.isAlternateAddress ? (
                    <Badge size="xs" variant="outline" color="gray">
                      Other address
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <MailOutboxStatus outbox={resend.outbox} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{resend.outbox.sentAt ? formatDateTime(resend.outbox.sentAt) : '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableContainer>
      {resends.length >= limit ? (
        <Text size="xs" c="dimmed" mt="xs">
          The latest {limit} resends are shown.
        </Text>
      ) : null}
    </>
  );
}
