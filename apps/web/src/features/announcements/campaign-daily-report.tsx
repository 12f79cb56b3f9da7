import type { RouterOutputs } from '@keydesk/api';
import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type Column, ColumnTable, toQueryTableProps } from '../../components/ui/column-table.tsx';
import { formatCount } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';

type DailyRow = RouterOutputs['announcements']['dailyReport']['items'][number];

const count = (pick: (row: DailyRow) => number): Pick<Column<DailyRow>, 'cell' | 'isNumeric'> => ({
  cell: (row) => formatCount(pick(row)),
  isNumeric: true,
});

// The server's days are UTC: shown as it sends them, so a day never shifts with the browser's zone.
const COLUMNS: readonly Column<DailyRow>[] = [
  { header: 'Day (UTC)', cell: (row) => row.day, isRowHeader: true },
  { header: 'Sent', ...count((row) => row.sent) },
  { header: 'Failed', ...count((row) => row.failed) },
  { header: 'Bounced', ...count((row) => row.bounced) },
  { header: 'Unsubscribed', ...count((row) => row.unsubscribed) },
];

/** What happened to a campaign's recipients, day by day: counts Keydesk itself knows, no tracking. */
export function CampaignDailyReport({ campaignId }: { campaignId: number }) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.announcements.dailyReport.queryOptions({ id: campaignId }, { refetchInterval: 30_000 }),
  );
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        By day
      </Title>
      <ColumnTable
        label="Campaign report by day"
        minWidth={480}
        columns={COLUMNS}
        {...toQueryTableProps(query, (data) => data.items)}
        getRowKey={(row) => row.day}
        empty={{ title: 'Nothing sent yet', description: 'Days appear here as recipients are sent to.' }}
        skeletonRows={3}
        tableProps={{ 'data-testid': 'campaign-daily-report' }}
      />
    </Stack>
  );
}
