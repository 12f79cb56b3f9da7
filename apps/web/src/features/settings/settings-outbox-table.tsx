import { Button, Card, Group, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState, QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { TableContainer } from '../../components/ui/table-container.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { MailOutboxStatus } from '../mail/mail-outbox-status.tsx';

const FILTERS = ['all', 'queued', 'sent', 'failed'] as const;
type Filter = (typeof FILTERS)[number];

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
  const items = outbox.data?.pages.flatMap((page) => page.items) ?? [];
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
      {outbox.error ? <QueryError error={outbox.error} onRetry={() => void outbox.refetch()} /> : null}
      {outbox.isLoading ? <SkeletonRows rows={4} /> : null}
      {outbox.data && items.length === 0 ? (
        <EmptyState title="No emails here">
          Key emails you resend from a license appear here with their state.
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <TableContainer label="Outbox" minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Queued</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>Subject</Table.Th>
                <Table.Th>State</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((email) => (
                <Table.Tr key={email.id}>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(email.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{email.toAddress}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{email.subject}</Text>
                  </Table.Td>
                  <Table.Td>
                    <MailOutboxStatus outbox={email} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableContainer>
      ) : null}
      {outbox.hasNextPage ? (
        <Group justify="center" mt="sm">
          <Button
            variant="default"
            loading={outbox.isFetchingNextPage}
            onClick={() => void outbox.fetchNextPage()}
          >
            Show more
          </Button>
        </Group>
      ) : null}
    </Card>
  );
}
