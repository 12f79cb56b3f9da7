import type { RouterOutputs } from '@keydesk/api';
import { Table } from '@mantine/core';
import { EmptyState } from '../../components/ui/query-state.tsx';
import { TableContainer } from '../../components/ui/table-container.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { describeAuditAction } from '../settings/audit-sentences.ts';

type AuditEntry = RouterOutputs['customer']['get']['audit'][number];

export function CustomerAuditList({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0)
    return (
      <EmptyState title="No audit entries">
        Changes and resends about this customer are recorded here.
      </EmptyState>
    );
  return (
    <TableContainer label="Audit entries" minWidth={560}>
      <Table verticalSpacing={4} fz="sm" aria-label="Audit entries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>What</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{formatDateTime(entry.at)}</Table.Td>
              <Table.Td>{entry.actor}</Table.Td>
              <Table.Td title={entry.action}>{describeAuditAction(entry)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableContainer>
  );
}
