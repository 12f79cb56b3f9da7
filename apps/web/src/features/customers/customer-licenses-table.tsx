import type { RouterOutputs } from '@keydesk/api';
import { Button, Text } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { type Column, ColumnTable } from '../../components/ui/column-table.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { formatCount, formatDate } from '../../lib/format.ts';
import { LICENSE_STATUS, UPGRADE_STATUS } from '../../lib/statuses.ts';
import { LicenseKeyReveal } from '../licenses/license-key-reveal.tsx';

type License = RouterOutputs['customer']['get']['licenses'][number];

const licenseLabel = (license: License) => `${license.product} ${license.edition} v${license.majorVersion}`;

function licenseColumns(onResend: (licenseId: number) => void): Column<License>[] {
  return [
    {
      header: 'Key',
      cell: (license) => <LicenseKeyReveal licenseKey={license.key} label={licenseLabel(license)} />,
    },
    {
      header: 'Product',
      cell: (license) => (
        <>
          <Text size="sm">
            {license.product} {license.edition}
          </Text>
          <Text size="xs" c="dimmed">
            Version {license.majorVersion}
          </Text>
        </>
      ),
    },
    { header: 'Seats', isNumeric: true, cell: (license) => formatCount(license.seats) },
    {
      header: 'Status',
      cell: (license) => <StatusBadge vocabulary={LICENSE_STATUS} status={license.status} />,
    },
    { header: 'Issued', cell: (license) => formatDate(license.issuedAt) },
    {
      header: 'Upgrade',
      cell: (license) => (
        <>
          <StatusBadge
            vocabulary={UPGRADE_STATUS}
            status={license.upgrade.status}
            title={license.upgrade.reason}
          />
          <Text size="xs" c="dimmed" maw={220}>
            {license.upgrade.reason}
          </Text>
        </>
      ),
    },
    {
      header: 'Actions',
      isHeaderHidden: true,
      cell: (license) => (
        <Button
          onClick={() => onResend(license.id)}
          size="xs"
          variant="light"
          leftSection={<IconMailForward size={14} />}
          aria-label={`Resend key of ${licenseLabel(license)}`}
        >
          Resend key
        </Button>
      ),
    },
  ];
}

export function CustomerLicensesTable({
  licenses,
  onResend,
}: {
  licenses: License[];
  /** Opens the resend dialog on this page: the owner stays with the customer. */
  onResend: (licenseId: number) => void;
}) {
  return (
    <ColumnTable
      label="Licenses"
      minWidth={820}
      columns={licenseColumns(onResend)}
      rows={licenses}
      empty={{ title: 'No licenses', description: 'Licenses appear here when an order is paid.' }}
      rowProps={() => ({ 'data-testid': 'customer-license-row' })}
    />
  );
}
