import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';

/**
 * Backups made before the latest customer erasure still hold the people erased since. Lists them
 * and offers to replace them with a fresh, checked backup (written before the old ones go).
 */
export function SettingsBackupsErasedAlert() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const held = useQuery(trpc.backups.findHoldingErased.queryOptions());
  const replace = useMutation(
    trpc.backups.replaceHoldingErased.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({
          color: 'teal',
          title: 'Backups replaced',
          message: `Wrote ${result.backup}; deleted ${result.removed.length} older backup(s).`,
        });
        await queryClient.invalidateQueries({ queryKey: trpc.backups.pathKey() });
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Backup failed', message: error.message }),
    }),
  );
  const backups = held.data?.backups ?? [];
  if (!held.data?.latestErasureAt || backups.length === 0) return null;
  return (
    <Alert color="yellow" title="Older backups still hold erased customers">
      <Stack gap="xs">
        <Text size="sm">
          A customer was erased on {formatDateTime(held.data.latestErasureAt)}. These backups were made before
          that and still contain their data (copies made elsewhere too):
        </Text>
        <List size="sm">
          {backups.map((b) => (
            <List.Item key={b.name} className="mono">
              {b.name}
            </List.Item>
          ))}
        </List>
        <div>
          <Button color="yellow" loading={replace.isPending} onClick={() => replace.mutate()}>
            Replace with a fresh backup
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}
