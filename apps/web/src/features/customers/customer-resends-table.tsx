import type { RouterOutputs } from '@keydesk/api';
import { Text } from '@mantine/core';
import { type Column, ColumnTable } from '../../components/ui/column-table.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { OUTBOX_STATUS } from '../../lib/statuses.ts';

type Resend = RouterOutputs['customer']['get']['resends'][number];

const COLUMNS: Column<Resend>[] = [
  { header: 'Requested', cell: (resend) => formatDateTime(resend.requestedAt) },
  {
    header: 'License',
    cell: (resend) => (
      <>
        {resend.product} {resend.edition}{' '}
        <Text span ff="monospace" size="xs" c="dimmed">
          …{resend.keyTail}
        </Text>
      </>
    ),
  },
  {
    header: 'Sent to',
    cell: (resend) => (
      <>
        {resend.toAddress}
        {resend.isAlternateAddress ? (
          <Text size="xs" c="dimmed">
            Another address than the customer's
          </Text>
        ) : null}
      </>
    ),
  },
  {
    header: 'Status',
    cell: (resend) => (
      <>
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
      </>
    ),
  },
];

export function CustomerResendsTable({ resends }: { resends: Resend[] }) {
  return (
    <ColumnTable
      label="Key resends"
      minWidth={640}
      columns={COLUMNS}
      rows={resends}
      empty={{ title: 'No key resent yet', description: 'Use “Resend key” on a license above.' }}
    />
  );
}
