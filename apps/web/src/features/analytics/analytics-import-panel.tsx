// Starts an access-log import of files on the server and follows its progress (ImportRun rows).
import type { RouterOutputs } from '@keydesk/api';
import { Button, Group, Progress, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Column, ColumnTable, toQueryTableProps } from '../../components/ui/column-table.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { AnalyticsPanel } from './analytics-panel.tsx';

type ImportRun = RouterOutputs['analytics']['importRuns'][number];

function RunProgress({ run }: { run: ImportRun }) {
  if (run.status === 'running') {
    const pct = run.bytesTotal ? Math.min(100, Math.round((100 * run.bytesDone) / run.bytesTotal)) : 0;
    return <Progress value={pct} aria-label={`${run.source}: ${pct}% read`} animated />;
  }
  return (
    <Text size="sm" c={run.status === 'failed' ? 'red' : undefined}>
      {run.status === 'failed' ? `Failed: ${run.firstError ?? 'see the server log'}` : 'Completed'}
    </Text>
  );
}

const COLUMNS: Column<ImportRun>[] = [
  {
    header: 'File',
    isRowHeader: true,
    cell: (run) => (
      <>
        {run.source}
        <Text size="xs" c="dimmed">
          {formatDateTime(run.startedAt)}
        </Text>
      </>
    ),
  },
  { header: 'Progress', cell: (run) => <RunProgress run={run} />, cellProps: () => ({ miw: 160 }) },
  { header: 'Lines', isNumeric: true, cell: (run) => formatCount(run.itemsDone) },
  { header: 'Already imported', isNumeric: true, cell: (run) => formatCount(run.skipped) },
  { header: 'Malformed', isNumeric: true, cell: (run) => formatCount(run.rejected) },
];

export function AnalyticsImportPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [paths, setPaths] = useState('');
  const runs = useQuery({
    ...trpc.analytics.importRuns.queryOptions({ limit: 5 }),
    refetchInterval: (query) => (query.state.data?.some((run) => run.status === 'running') ? 1000 : false),
  });
  const start = useMutation(
    trpc.analytics.importAccessLog.mutationOptions({
      onSuccess(result) {
        notifications.show({ color: result.started ? 'teal' : 'red', message: result.message });
        void queryClient.invalidateQueries(trpc.analytics.importRuns.queryFilter());
        if (result.started)
          setTimeout(() => void queryClient.invalidateQueries(trpc.analytics.importRuns.queryFilter()), 500);
      },
    }),
  );
  const list = paths
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const wasRunning = runs.data?.some((run) => run.status === 'running');

  return (
    <AnalyticsPanel
      title="Import access logs"
      testId="analytics-import"
      intro="Paths of combined-format logs (plain or .gz) on the server, one per line. Lines already imported are skipped, so importing a file twice changes nothing."
    >
      <Stack gap="sm">
        <Textarea
          label="Log files on the server"
          placeholder="/var/log/nginx/access.log"
          autosize
          minRows={2}
          maxRows={6}
          value={paths}
          onChange={(event) => setPaths(event.currentTarget.value)}
        />
        <Group>
          <Button
            onClick={() => start.mutate({ paths: list })}
            loading={start.isPending}
            disabled={list.length === 0 || list.length > 20 || Boolean(wasRunning)}
          >
            Import
          </Button>
        </Group>
        <ColumnTable
          label="Access-log imports"
          columns={COLUMNS}
          {...toQueryTableProps(runs)}
          empty={{
            title: 'No import yet',
            description: "Enter a log file's path above, or run npm run import -- access-log FILE.",
          }}
          skeletonRows={2}
        />
      </Stack>
    </AnalyticsPanel>
  );
}
