import type { RouterOutputs } from '@keydesk/api';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Column, ColumnTable, toQueryTableProps } from '../../components/ui/column-table.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { SettingsBackupsErasedAlert } from './settings-backups-erased-alert.tsx';
import { SettingsJobCard } from './settings-job-card.tsx';

const BACKUP_JOB = 'database.backup';

type Backup = RouterOutputs['backups']['find']['backups'][number];

const COLUMNS: Column<Backup>[] = [
  { header: 'File', cell: (b) => b.name, cellProps: () => ({ className: 'mono' }) },
  { header: 'Made', cell: (b) => formatDateTime(b.createdAt) },
  { header: 'Size (KiB)', isNumeric: true, cell: (b) => formatCount(Math.round(b.bytes / 1024)) },
];

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
        {backups.data ? (
          <Text size="sm" mb="xs">
            Folder: <span className="mono">{backups.data.folder}</span>
          </Text>
        ) : null}
        <ColumnTable
          label="Backups"
          minWidth={480}
          columns={COLUMNS}
          {...toQueryTableProps(backups, (data) => data.backups)}
          getRowKey={(b) => b.name}
          empty={{
            title: 'No backups yet',
            description: 'Press “Back up now”, or wait for the daily backup.',
          }}
          skeletonRows={3}
        />
      </Card>
    </Stack>
  );
}
