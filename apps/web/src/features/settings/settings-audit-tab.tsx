import type { RouterOutputs } from '@keydesk/api';
import { Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Column, ColumnTable, toPagedTableProps } from '../../components/ui/column-table.tsx';
import { NextPageButton } from '../../components/ui/next-page-button.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { describeAuditAction, describeAuditDetails } from './audit-sentences.ts';

const PAGE_SIZE = 50;

type AuditEntry = RouterOutputs['audit']['find']['items'][number];

const COLUMNS: Column<AuditEntry>[] = [
  { header: 'When', cell: (entry) => formatDateTime(entry.at) },
  { header: 'Action', cell: describeAuditAction, cellProps: (entry) => ({ title: entry.action }) },
  { header: 'By', cell: (entry) => entry.actor },
  {
    header: 'Target',
    cell: (entry) => (entry.targetType ? `${entry.targetType} #${entry.targetId ?? ''}` : ''),
  },
  { header: 'IP address', cell: (entry) => entry.ip ?? '' },
  {
    header: 'Details',
    cell: (entry) => (
      <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
        {describeAuditDetails(entry.details)}
      </Text>
    ),
  },
];

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
        <ColumnTable
          label="Audit log"
          minWidth={720}
          columns={COLUMNS}
          {...toPagedTableProps(entries)}
          empty={{
            title: 'No entries',
            description: isFiltered
              ? 'Nothing matches these filters; widen the dates or pick another action.'
              : 'Sign-ins, changes and exports will be listed here.',
          }}
          skeletonRows={6}
          tableProps={{ striped: true, 'data-testid': 'audit-table' }}
        />
        <NextPageButton query={entries} variant="light" w="fit-content">
          Show older entries
        </NextPageButton>
      </Stack>
    </Card>
  );
}
