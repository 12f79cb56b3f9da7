import type { RouterOutputs } from '@keydesk/api';
import { Badge, Text } from '@mantine/core';
import { type Column, ColumnTable } from '../../components/ui/column-table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { MailOutboxStatus } from '../mail/mail-outbox-status.tsx';

type Resend = RouterOutputs['licenseResend']['get']['resends'][number];

const COLUMNS: Column<Resend>[] = [
  { header: 'Requested', cell: (resend) => <Text size="sm">{formatDateTime(resend.requestedAt)}</Text> },
  {
    header: 'To',
    cell: (resend) => (
      <>
        <Text size="sm">{resend.toAddress}</Text>
        {resend.isAlternateAddress ? (
          <Badge size="xs" variant="outline" color="gray">
            Other address
          </Badge>
        ) : null}
      </>
    ),
  },
  { header: 'Status', cell: (resend) => <MailOutboxStatus outbox={resend.outbox} /> },
  {
    header: 'Sent at',
    cell: (resend) => (
      <Text size="sm">{resend.outbox.sentAt ? formatDateTime(resend.outbox.sentAt) : '—'}</Text>
    ),
  },
];

export function LicenseResendHistory({ resends, limit }: { resends: Resend[]; limit: number }) {
  return (
    <>
      <ColumnTable
        label="Resend history"
        columns={COLUMNS}
        rows={resends}
        empty={{
          title: 'Never resent',
          description: "Use “Resend key” to email this license's key to the customer or to another address.",
        }}
        tableProps={{ 'data-testid': 'license-resend-history' }}
      />
      {resends.length >= limit ? (
        <Text size="xs" c="dimmed" mt="xs">
          The latest {limit} resends are shown.
        </Text>
      ) : null}
    </>
  );
}
