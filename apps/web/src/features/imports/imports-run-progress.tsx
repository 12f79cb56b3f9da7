import { Alert, List, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { formatCount } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';

/** Polls one import run every second until it ends; then shows the summary and the rejected rows. */
export function ImportsRunProgress({ runId }: { runId: number }) {
  const trpc = useTRPC();
  const run = useQuery({
    ...trpc.importRun.get.queryOptions({ id: runId }),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false),
  });
  if (run.isPending) return <SkeletonRows rows={2} />;
  if (run.isError) return <QueryError error={run.error} onRetry={() => void run.refetch()} />;
  if (!run.data) return null;
  const r = run.data;
  const percent = r.bytesTotal ? Math.min(100, Math.round((r.bytesDone / r.bytesTotal) * 100)) : 0;
  const shown = r.status === 'running' ? percent : 100;
  return (
    <Stack gap="xs">
      <Progress value={shown} aria-label={`Import progress: ${shown}%`} animated={r.status === 'running'} />
      <Text size="sm" role="status">
        {r.status !== 'running'
          ? `Import ${r.status}`
          : percent === 100
            ? // A large import builds the indexes it set aside once every row is in.
              `Finishing (building indexes)… ${formatCount(r.itemsDone)} rows`
            : `Importing… ${shown}%, ${formatCount(r.itemsDone)} rows`}
        : created {formatCount(r.created)}, updated {formatCount(r.updated)}, skipped {formatCount(r.skipped)}
        , rejected {formatCount(r.rejected)}.
      </Text>
      {r.errors.length > 0 ? (
        <Alert color="orange" title={`${formatCount(r.rejected)} rows were not imported`}>
          <List size="sm">
            {r.errors.slice(0, 50).map((e) => (
              <List.Item key={`${e.line}-${e.reason}`}>
                {e.line > 0 ? `Line ${e.line}: ${e.reason}` : e.reason}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Stack>
  );
}
