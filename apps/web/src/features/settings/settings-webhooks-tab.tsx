import type { RouterOutputs } from '@keydesk/api';
import { Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { type Column, ColumnTable, toPagedTableProps } from '../../components/ui/column-table.tsx';
import { NextPageButton } from '../../components/ui/next-page-button.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { RESELLERS, WEBHOOK_STATUS } from '../../lib/statuses.ts';
import { useTRPC } from '../../lib/trpc.ts';

const SOURCES = [
  ...RESELLERS,
  { value: 'tawk', label: 'tawk.to' },
  { value: 'newsletter', label: 'Newsletter' },
];
const STATUSES = ['processed', 'duplicate', 'kept', 'rejected', 'failed'] as const;

type Source = 'paypro' | 'avangate' | 'tawk' | 'newsletter';
type Status = (typeof STATUSES)[number];
type WebhookEvent = RouterOutputs['webhook']['find']['items'][number];

function webhookColumns(replayButton: (event: WebhookEvent) => ReactNode): Column<WebhookEvent>[] {
  return [
    {
      header: 'Received',
      cell: (event) => (
        <>
          <Text size="sm">{formatDateTime(event.receivedAt)}</Text>
          <Text size="xs" c="dimmed">
            #{event.id} {event.remoteIp ?? ''}
          </Text>
        </>
      ),
    },
    {
      header: 'Source',
      cell: (event) => SOURCES.find((s) => s.value === event.source)?.label ?? event.source,
    },
    { header: 'Status', cell: (event) => <StatusBadge vocabulary={WEBHOOK_STATUS} status={event.status} /> },
    {
      header: 'Result',
      cell: (event) => (
        <>
          <Text size="sm">{event.result ?? ''}</Text>
          {event.bodyBytes !== null ? (
            <Text size="xs" c="dimmed">
              {formatCount(event.bodyBytes)} bytes received
              {event.payload === '' ? ', body not kept' : ''}
            </Text>
          ) : null}
        </>
      ),
    },
    { header: 'Actions', isHeaderHidden: true, cell: replayButton },
  ];
}

/** Settings → Webhooks: every notification received, what became of it, and a Replay button. */
export function SettingsWebhooksTab() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [source, setSource] = useState<Source | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const events = useInfiniteQuery(
    trpc.webhook.find.infiniteQueryOptions(
      { limit: 50, source, status },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const replay = useMutation(
    trpc.webhook.replay.mutationOptions({
      onSuccess: (result) => {
        notifications.show({
          color: 'teal',
          title: `Notification #${result.id} replayed`,
          message: result.result,
        });
        void queryClient.invalidateQueries(trpc.webhook.find.pathFilter());
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Replay failed', message: error.message }),
    }),
  );
  const replayButton = (event: WebhookEvent) =>
    event.canReplay ? (
      <Button
        size="xs"
        variant="default"
        leftSection={<IconRefresh size={14} aria-hidden />}
        loading={replay.isPending && replay.variables?.id === event.id}
        onClick={() => replay.mutate({ id: event.id })}
        aria-label={`Replay notification #${event.id}`}
      >
        Replay
      </Button>
    ) : null;

  return (
    <Card>
      <Stack>
        <Group>
          <Select
            label="Source"
            placeholder="All sources"
            data={SOURCES}
            value={source}
            onChange={(v) => setSource(v as Source | null)}
            clearable
          />
          <Select
            label="Status"
            placeholder="All statuses"
            data={[...STATUSES]}
            value={status}
            onChange={(v) => setStatus(v as Status | null)}
            clearable
          />
        </Group>
        <ColumnTable
          label="Notifications received"
          minWidth={720}
          columns={webhookColumns(replayButton)}
          {...toPagedTableProps(events)}
          empty={{
            title: 'No notifications received',
            description:
              'Point PayPro Global at /hooks/paypro, Avangate at /hooks/avangate and tawk.to at /hooks/tawk, and save their keys above; each notification then appears here. Unsigned or refused requests are listed without their body, and the retention period is set under Scheduled jobs.',
          }}
        />
        <NextPageButton query={events} variant="subtle">
          Show older notifications
        </NextPageButton>
      </Stack>
    </Card>
  );
}
