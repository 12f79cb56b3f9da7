import { Card, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useCursorPages } from '../../components/ui/cursor-pager.tsx';
import { DataTable } from '../../components/ui/data-table.tsx';
import { formatCount, formatDate, formatMoney } from '../../lib/format.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useSearchShortcut } from '../../lib/shortcuts.ts';
import { makeSampleCustomers, type SampleCustomer } from './design-system-sample-rows.ts';

const PAGE_SIZE = 10;
const ROWS = makeSampleCustomers(57);
const column = createColumnHelper<SampleCustomer>();
const COLUMNS = [
  column.accessor('name', { header: 'Name', size: 180 }),
  column.accessor('email', { header: 'Email', size: 260, enableSorting: false }),
  column.accessor('country', { header: 'Country', size: 90 }),
  column.accessor('licenses', {
    header: 'Licenses',
    size: 100,
    meta: { isNumeric: true },
    cell: (info) => formatCount(info.getValue()),
  }),
  column.accessor('revenueMinor', {
    header: 'Revenue',
    size: 120,
    meta: { isNumeric: true },
    cell: (info) => formatMoney(info.getValue(), 'EUR'),
  }),
  column.accessor('createdAt', { header: 'Since', size: 130, cell: (info) => formatDate(info.getValue()) }),
];

type DemoState = 'data' | 'loading' | 'empty' | 'error';

/** The DataTable with cursor pages over made-up rows; the state switch shows every state it has. */
export function DesignSystemTableDemo() {
  const searchRef = useSearchShortcut();
  const [search, setSearch] = useState('');
  const [state, setState] = useState<DemoState>('data');
  const [pages, dispatch] = useCursorPages<number>();
  const matching = useMemo(
    () => ROWS.filter((r) => `${r.name} ${r.email}`.toLowerCase().includes(search.trim().toLowerCase())),
    [search],
  );
  // A cursor here is the index of the first row of a page, as a server's nextCursor would be.
  const start = pages.cursor ?? 0;
  const pageRows = matching.slice(start, start + PAGE_SIZE);
  const nextCursor = start + PAGE_SIZE < matching.length ? start + PAGE_SIZE : null;

  return (
    <Card>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Title order={2} size="h4">
            DataTable
          </Title>
          <SegmentedControl
            size="xs"
            value={state}
            onChange={(v) => setState(v as DemoState)}
            data={['data', 'loading', 'empty', 'error']}
            aria-label="Table state"
          />
        </Group>
        <TextInput
          ref={searchRef}
          label="Search sample customers"
          placeholder="Name or email — press / to focus"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            dispatch({ type: 'reset' });
          }}
        />
        <DataTable
          label="Sample customers"
          columns={COLUMNS}
          data={state === 'data' ? pageRows : state === 'empty' ? [] : undefined}
          getRowId={(row) => row.id}
          isLoading={state === 'loading'}
          error={state === 'error' ? new Error('The server did not answer.') : undefined}
          onRetry={() => setState('data')}
          empty={{ title: 'No customers match', description: 'Try part of an email address or a name.' }}
          onRowOpen={(row) => notifySuccess(`Would open ${row.name}.`)}
          skeletonRows={PAGE_SIZE}
          pagination={{
            pageIndex: pages.pageIndex,
            hasNextPage: nextCursor !== null,
            onNextPage: () => nextCursor !== null && dispatch({ type: 'next', nextCursor }),
            onPreviousPage: () => dispatch({ type: 'previous' }),
          }}
        />
        <Text size="xs" c="dimmed">
          Sorting here is client-side within the page; pass `sorting`, `onSortingChange` and `isManualSorting`
          to let the server sort.
        </Text>
      </Stack>
    </Card>
  );
}
