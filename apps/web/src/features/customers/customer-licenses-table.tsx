import type { RouterOutputs } from '@keydesk/api';
import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { EmptyState } from '../../components/ui/query-state.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { TableContainer } from '../../components/ui/table-container.tsx';
import { formatCount, formatDate } from '../../lib/format.ts';
import { LICENSE_STATUS, UPGRADE_STATUS } from '../../lib/statuses.ts';
import { LicenseKeyReveal } from '../licenses/license-key-reveal.tsx';

type License = RouterOutputs['customer']['get']['licenses'][number];

export function CustomerLicensesTable({
  licenses,
  onResend,
}: {
  licenses: License[];
  /** Opens the resend dialog on this page: the owner stays with the customer. */
  onResend: (licenseId: number) => void;
}) {
  if (licenses.length === 0)
    return <EmptyState title="No licenses">Licenses appear here when an order is paid.</EmptyState>;
  return (
    <TableContainer label="Licenses" minWidth={820}>
      <Table verticalSpacing="xs" aria-label="Licenses">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>Product</Table.Th>
            <Table.Th className="num">Seats</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Issued</Table.Th>
            <Table.Th>Upgrade</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {licenses.map((license) => {
            const label = `${license.product} ${license.edition} v${license.majorVersion}`;
            return (
              <Table.Tr key={license.id} data-testid="customer-license-row">
                <Table.Td>
                  <LicenseKeyReveal licenseKey={license.key} label={label} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {license.product} {license.edition}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Version {license.majorVersion}
                  </Text>
                </Table.Td>
                <Table.Td className="num">{formatCount(license.seats)}</Table.Td>
                <Table.Td>
                  <StatusBadge vocabulary={LICENSE_STATUS} status={license.status} />
                </Table.Td>
                <Table.Td>{formatDate(license.issuedAt)}</Table.Td>
                <Table.Td>
                  <StatusBadge
                    vocabulary={UPGRADE_STATUS}
                    status={license.upgrade.status}
                    title={license.upgrade.reason}
                  />
                  <Text size="xs" c="dimmed" maw={220}>
                    {license.upgrade.reason}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    onClick={() => onResend(license.id)}
                    size="xs"
                    variant="light"
                    leftSection={<IconMailForward size={14} />}
                    aria-label={`Resend key of ${label}`}
                  >
                    Resend key
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableContainer>
  );
}
