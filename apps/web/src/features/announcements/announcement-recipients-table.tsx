import type { RouterOutputs } from '@keydesk/api';
import { Button, Select, Stack, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Column, ColumnTable } from '../../components/ui/column-table.tsx';
import { CursorPager, useCursorPages } from '../../components/ui/cursor-pager.tsx';
import { QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { RECIPIENT_STATUS, RECIPIENT_STATUSES, type RecipientStatus } from '../../lib/statuses.ts';
import { useTRPC } from '../../lib/trpc.ts';

type Recipient = RouterOutputs['announcements']['recipients']['items'][number];

/** Who got it, who did not and why: the server's reply or the reason, per recipient. */
export function AnnouncementRecipientsTable({
  campaignId,
  canRetry,
}: {
  campaignId: number;
  canRetry: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RecipientStatus | undefined>();
  const [pages, dispatch] = useCursorPages<number>();
  const query = useQuery(
    trpc.announcements.recipients.queryOptions(
      { id: campaignId, status, cursor: pages.cursor ?? undefined, limit: 25 },
      { placeholderData: keepPreviousData, refetchInterval: 5_000 },
    ),
  );
  const retry = useMutation(
    trpc.announcements.retryFailed.mutationOptions({
      onSuccess: async ({ retried }) => {
        notifySuccess(retried === 1 ? 'Queued again.' : `${retried} queued again.`);
        await queryClient.invalidateQueries({ queryKey: trpc.announcements.pathKey() });
      },
      onError: (error) => notifyError(error),
    }),
  );
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <SkeletonRows rows={5} />;
  const columns: Column<Recipient>[] = [
    { header: 'Address', cell: (r) => r.email, isRowHeader: true },
    { header: 'Status', cell: (r) => <StatusBadge vocabulary={RECIPIENT_STATUS} status={r.status} /> },
    {
      header: 'Server reply or reason',
      cell: (r) => (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {r.error ?? r.serverResponse ?? ''}
        </Text>
      ),
    },
    {
      header: 'Actions',
      isHeaderHidden: true,
      cell: (r) =>
        canRetry && r.status === 'failed' ? (
          <Button
            size="xs"
            variant="default"
            onClick={() => retry.mutate({ id: campaignId, recipientId: r.id })}
          >
            Retry
          </Button>
        ) : null,
    },
  ];
  return (
    <Stack gap="xs">
      <Select
        label="Show"
        placeholder="Everyone"
        clearable
        w={200}
        value={status ?? null}
        data={RECIPIENT_STATUSES.map((s) => ({ value: s, label: RECIPIENT_STATUS[s].label }))}
        onChange={(v) => {
          setStatus(RECIPIENT_STATUSES.find((s) => s === v));
          dispatch({ type: 'reset' });
        }}
      />
      <ColumnTable
        label="Recipients"
        minWidth={640}
        columns={columns}
        rows={query.data.items}
        empty={{ title: status ? 'Nobody with this status.' : 'Nobody here yet.' }}
      />
      <CursorPager pages={pages} dispatch={dispatch} nextCursor={query.data.nextCursor} />
    </Stack>
  );
}
