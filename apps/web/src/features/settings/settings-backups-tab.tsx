import { Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EmptyState, QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { SettingsBackupsErasedAlert } from './settings-backups-erased-alert.tsx';
import { SettingsJobCard } from './settings-job-card.tsx';

const BACKUP_JOB = 'database.backup';

/** Settings → Backups: the daily backup's schedule and copies kept, "Back up now", the copies on disk. */
export function SettingsBackupsTab() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const backups = useQuery(trpc.backups.find.queryOptions());
  const jobs = useQuery(trpc.jobs.find.queryOptions());
  const create = useMutation(
    trpc.backups.create.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({
          color: result.status === 'ok' ? 'teal' : 'red',
          title: 'Backup',
          message: result.summary,
        });
        await queryClient.invalidateQueries({ queryKey: trpc.backups.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.jobs.pathKey() });
      },
    }),
  );
  const job = jobs.data?.find((j) => j.name === BACKUP_JOB);
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          A checked copy of the database, made while Keydesk keeps running. Copy the folder elsewhere too;
          restore with <span className="mono">npm run restore -- FILE</span> while the server is stopped.
        </Text>
        <Button
          leftSection={<IconDatabaseExport size={16} aria-hidden />}
          loading={create.isPending}
          onClick={() => create.mutate()}
        >
          Back up now
        </Button>
      </Group>
      <SettingsBackupsErasedAlert />
      {job ? <SettingsJobCard job={job} /> : null}
      <Card withBorder>
        {backups.error ? <QueryError error={backups.error} onRetry={() => void backups.refetch()} /> : null}
        {!backups.data && !backups.error ? <SkeletonRows rows={3} /> : null}
        {backups.data ? (
          <>
            <Text size="sm" mb="xs">
              Folder: <span className="mono">{backups.data.folder}</span>
            </Text>
            {backups.data.backups.length === 0 ? (
              <EmptyState title="No backups yet">
                Press “Back up now”, or wait for the daily backup.
              </EmptyState>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>File</Table.Th>
                    <Table.Th>Made</Table.Th>
                    <Table.Th className="num">Size (KiB)</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {backups.data.backups.map((b) => (
                    <Table.Tr key={b.name}>
                      <Table.Td className="mono">{b.name}</Table.Td>
                      <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
                      <Table.Td className="num">{formatCount(Math.round(b.bytes / 1024))}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        ) : null}
      </Card>
    </Stack>
  );
}
