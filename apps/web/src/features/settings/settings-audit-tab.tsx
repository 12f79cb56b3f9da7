import { Button, Card, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState, QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { TableContainer } from '../../components/ui/table-container.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { describeAuditAction, describeAuditDetails } from './audit-sentences.ts';

const PAGE_SIZE = 50;

/** A yyyy-mm-dd from the date input, as the start of that day in the owner's time zone. */
function startOfDay(value: string): Date | undefined {
  return value ? new Date(`${value}T00:00:00`) : undefined;
}

function endOfDay(value: string): Date | undefined {
  const start = startOfDay(value);
  return start ? new Date(start.getTime() + 86_400_000) : undefined;
}

export function SettingsAuditTab() {
  const trpc = useTRPC();
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const actions = useQuery(trpc.audit.actions.queryOptions());
  const entries = useInfiniteQuery(
    trpc.audit.find.infiniteQueryOptions(
      { action: action ?? undefined, from: startOfDay(from), to: endOfDay(to), limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const rows = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const isFiltered = action !== null || from !== '' || to !== '';

  return (
    <Card withBorder>
      <Stack>
        <Group align="flex-end" wrap="wrap">
          <Select
            label="Action"
            placeholder="All actions"
            data={(actions.data ?? []).map((action) => ({
              value: action,
              label: describeAuditAction({ action, targetType: null, targetId: null, details: null }),
            }))}
            value={action}
            onChange={setAction}
            clearable
            searchable
            w={260}
          />
          <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          {isFiltered ? (
            <Button
              variant="subtle"
              onClick={() => {
                setAction(null);
                setFrom('');
                setTo('');
              }}
            >
              Clear filters
            </Button>
          ) : null}
        </Group>
        {entries.isPending ? <SkeletonRows rows={6} /> : null}
        {entries.isError ? <QueryError error={entries.error} onRetry={() => void entries.refetch()} /> : null}
        {entries.isSuccess && rows.length === 0 ? (
          <EmptyState title="No entries">
            {isFiltered
              ? 'Nothing matches these filters; widen the dates or pick another action.'
              : 'Sign-ins, changes and exports will be listed here.'}
          </EmptyState>
        ) : null}
        {rows.length > 0 ? (
          <TableContainer label="Audit log" minWidth={720}>
            <Table striped data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>By</Table.Th>
                  <Table.Th>Target</Table.Th>
                  <Table.Th>IP address</Table.Th>
                  <Table.Th>Details</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>{formatDateTime(entry.at)}</Table.Td>
                    <Table.Td title={entry.action}>{describeAuditAction(entry)}</Table.Td>
                    <Table.Td>{entry.actor}</Table.Td>
                    <Table.Td>
                      {entry.targetType ? `${entry.targetType} #${entry.targetId ?? ''}` : ''}
                    </Table.Td>
                    <Table.Td>{entry.ip ?? ''}</Table.Td>
                    <Table.Td>
                      <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                        {describeAuditDetails(entry.details)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableContainer>
        ) : null}
        {entries.hasNextPage ? (
          <Button
            variant="light"
            w="fit-content"
            loading={entries.isFetchingNextPage}
            onClick={() => void entries.fetchNextPage()}
          >
            Show older entries
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}
