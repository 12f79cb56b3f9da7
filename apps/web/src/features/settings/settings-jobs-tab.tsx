import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { EmptyState, QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { SettingsJobCard } from './settings-job-card.tsx';

/** Settings → Jobs: every scheduled job with its schedule, retention, last run and "Run now". */
export function SettingsJobsTab() {
  const trpc = useTRPC();
  const jobs = useQuery(trpc.jobs.find.queryOptions());
  if (jobs.error) return <QueryError error={jobs.error} onRetry={() => void jobs.refetch()} />;
  if (!jobs.data) return <SkeletonRows rows={4} height={96} />;
  if (jobs.data.length === 0)
    return <EmptyState title="No scheduled jobs">Jobs appear here when a feature adds one.</EmptyState>;
  return (
    <Stack>
      {jobs.data.map((job) => (
        <SettingsJobCard key={job.name} job={job} />
      ))}
    </Stack>
  );
}
