import type { RouterOutputs } from '@keydesk/api';
import { Card, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Column, ColumnTable, toPagedTableProps } from '../../components/ui/column-table.tsx';
import { NextPageButton } from '../../components/ui/next-page-button.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { MailOutboxStatus } from '../mail/mail-outbox-status.tsx';

const FILTERS = ['all', 'queued', 'sent', 'failed'] as const;
type Filter = (typeof FILTERS)[number];
type OutboxEmail = RouterOutputs['mail']['outbox']['find']['items'][number];

const COLUMNS: Column<OutboxEmail>[] = [
  { header: 'Queued', cell: (email) => <Text size="sm">{formatDateTime(email.createdAt)}</Text> },
  { header: 'To', cell: (email) => <Text size="sm">{email.toAddress}</Text> },
  { header: 'Subject', cell: (email) => <Text size="sm">{email.subject}</Text> },
  { header: 'State', cell: (email) => <MailOutboxStatus outbox={email} /> },
];

/** Every email the server has queued, newest first, with its state. */
export function SettingsOutboxTable() {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<Filter>('all');
  const outbox = useInfiniteQuery(
    trpc.mail.outbox.find.infiniteQueryOptions(
      { limit: 25, status: filter === 'all' ? undefined : filter },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const counts = outbox.data?.pages[0]?.counts;

  return (
    <Card>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          Outbox
        </Title>
        <SegmentedControl
          aria-label="Show emails"
          value={filter}
          onChange={(value) => setFilter(value as Filter)}
          data={FILTERS.map((f) => ({
            value: f,
            label:
              f === 'all'
                ? 'All'
                : `${f[0]?.toUpperCase()}${f.slice(1)}${counts?.[f] ? ` (${formatCount(counts[f])})` : ''}`,
          }))}
        />
      </Group>
      <ColumnTable
        label="Outbox"
        minWidth={640}
        columns={COLUMNS}
        {...toPagedTableProps(outbox)}
        empty={{
          title: 'No emails here',
          description: 'Key emails you resend from a license appear here with their state.',
        }}
        skeletonRows={4}
      />
      {outbox.hasNextPage ? (
        <Group justify="center" mt="sm">
          <NextPageButton query={outbox} variant="default" />
        </Group>
      ) : null}
    </Card>
  );
}
