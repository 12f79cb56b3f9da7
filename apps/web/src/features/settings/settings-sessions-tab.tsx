import type { RouterOutputs } from '@keydesk/api';
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { type Column, ColumnTable, toQueryTableProps } from '../../components/ui/column-table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { notifySettings } from './settings-notify.ts';

type Session = RouterOutputs['auth']['sessions']['find']['items'][number];

function sessionColumns(signOutButton: (s: Session) => ReactNode): Column<Session>[] {
  return [
    {
      header: 'Browser',
      cell: (s) => (
        <Group gap="xs">
          {s.browser}
          {s.isCurrent ? (
            <Badge variant="light" size="sm">
              This browser
            </Badge>
          ) : null}
        </Group>
      ),
    },
    { header: 'IP address', cell: (s) => s.ip ?? 'unknown' },
    { header: 'Signed in', cell: (s) => formatDateTime(s.createdAt) },
    { header: 'Last seen', cell: (s) => formatDateTime(s.lastSeenAt) },
    { header: 'Actions', isHeaderHidden: true, cell: signOutButton },
  ];
}

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
  const signOutButton = (s: Session) =>
    s.isCurrent ? null : (
      <Button
        size="xs"
        variant="default"
        aria-label={`Sign out ${s.browser} at ${s.ip ?? 'unknown address'}`}
        loading={revoke.isPending && revoke.variables?.id === s.id}
        onClick={() => revoke.mutate({ id: s.id })}
      >
        Sign out
      </Button>
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
        <ColumnTable
          label="Sessions"
          columns={sessionColumns(signOutButton)}
          {...toQueryTableProps(sessions, (data) => data.items)}
          empty={{ title: 'No active sessions', description: 'Sign in again to start one.' }}
          skeletonRows={3}
        />
      </Stack>
    </Card>
  );
}
