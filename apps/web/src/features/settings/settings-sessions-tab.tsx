import { Badge, Button, Card, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { EmptyState, QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { notifySettings } from './settings-notify.ts';

export function SettingsSessionsTab() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery(trpc.auth.sessions.find.queryOptions());
  const revoke = useMutation(
    trpc.auth.sessions.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.auth.sessions.pathFilter()),
      onError: (error) => notifySettings('red', error.message),
    }),
  );
  const revokeAll = useMutation(
    trpc.auth.sessions.revokeAll.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        void navigate('/login');
      },
    }),
  );

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Browsers signed in to Keydesk. A session ends after a while idle, or when the browser closes.
          </Text>
          <Button
            color="red"
            variant="light"
            loading={revokeAll.isPending}
            onClick={() => revokeAll.mutate()}
          >
            Sign out everywhere
          </Button>
        </Group>
        {sessions.isPending ? <SkeletonRows rows={3} /> : null}
        {sessions.isError ? (
          <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : null}
        {sessions.data && sessions.data.items.length === 0 ? (
          <EmptyState title="No active sessions">Sign in again to start one.</EmptyState>
        ) : null}
        {sessions.data && sessions.data.items.length > 0 ? (
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Browser</Table.Th>
                  <Table.Th>IP address</Table.Th>
                  <Table.Th>Signed in</Table.Th>
                  <Table.Th>Last seen</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Group gap="xs">
                        {s.browser}
                        {s.isCurrent ? (
                          <Badge variant="light" size="sm">
                            This browser
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>{s.ip ?? 'unknown'}</Table.Td>
                    <Table.Td>{formatDateTime(s.createdAt)}</Table.Td>
                    <Table.Td>{formatDateTime(s.lastSeenAt)}</Table.Td>
                    <Table.Td>
                      {s.isCurrent ? null : (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Sign out ${s.browser} at ${s.ip ?? 'unknown address'}`}
                          loading={revoke.isPending && revoke.variables?.id === s.id}
                          onClick={() => revoke.mutate({ id: s.id })}
                        >
                          Sign out
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Card>
  );
}
