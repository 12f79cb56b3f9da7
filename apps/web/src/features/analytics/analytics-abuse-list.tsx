// License keys that checked for updates from many networks within the retention window.
import type { RouterOutputs } from '@keydesk/api';
import { useQuery } from '@tanstack/react-query';
import { type Column, ColumnTable, toQueryTableProps } from '../../components/ui/column-table.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { AnalyticsPanel } from './analytics-panel.tsx';

type AbuseRow = RouterOutputs['analytics']['possibleAbuse']['rows'][number];

const COLUMNS: Column<AbuseRow>[] = [
  {
    header: 'License key',
    isRowHeader: true,
    cell: (row) => row.licenseKey,
    cellProps: () => ({ ff: 'monospace' }),
  },
  { header: 'Networks', isNumeric: true, cell: (row) => formatCount(row.networks) },
  { header: 'Checks', isNumeric: true, cell: (row) => formatCount(row.checks) },
  { header: 'Last seen', cell: (row) => formatDateTime(row.lastSeenMs) },
];

export function AnalyticsAbuseList() {
  const trpc = useTRPC();
  const result = useQuery(trpc.analytics.possibleAbuse.queryOptions({ minNetworks: 3, limit: 25 }));
  const data = result.data;
  return (
    <AnalyticsPanel
      title="Possible license abuse"
      testId="analytics-abuse"
      intro={
        <>
          License keys whose update checks came from 3 or more networks (/24 or /48) in the last{' '}
          {data ? data.retentionDays : '…'} days. A shared key, or a customer who travels.
        </>
      }
    >
      <ColumnTable
        label="Possible license abuse"
        columns={COLUMNS}
        {...toQueryTableProps(result, (data) => data.rows)}
        getRowKey={(row) => row.licenseKey}
        empty={{
          title: 'No key stands out',
          description:
            'Keys appear here when the program checks for updates with one key from many networks.',
        }}
        skeletonRows={3}
        tableProps={{ striped: true }}
      />
    </AnalyticsPanel>
  );
}
