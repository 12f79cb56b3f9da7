import { Button, Group, Skeleton, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type OnChangeFn,
  type RowData,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { type KeyboardEvent, type MouseEvent, type ReactNode, useRef, useState } from 'react';
import { ariaSort, nextRowIndex } from './data-table-helpers.ts';
import { EmptyState, QueryError } from './query-state.tsx';
import './table-container.css';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned with tabular figures: counts, money, durations. */
    isNumeric?: boolean;
  }
}

export type DataTablePagination = {
  pageIndex: number;
  hasNextPage: boolean;
  onNextPage: () => void;
  onPreviousPage: () => void;
};

export type DataTableProps<TRow> = {
  /** Names the table for screen readers ("Customers"). */
  label: string;
  // biome-ignore lint/suspicious/noExplicitAny: each column has its own value type; TanStack's own examples type the array this way
  columns: ColumnDef<TRow, any>[];
  data: TRow[] | undefined;
  getRowId: (row: TRow) => string;
  isLoading?: boolean;
  /** A refetch with data on screen (next page, new sort): rows stay, dimmed, instead of a skeleton. */
  isFetching?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** What to show when there are no rows: say what to do next. */
  empty: { title: string; description?: ReactNode };
  /** Enter or a click on a row opens it (e.g. navigates to its page). */
  onRowOpen?: (row: TRow) => void;
  /** Controlled sorting; with `isManualSorting` the server sorts (send `toSortInput(sorting)`). */
  sorting?: SortingState;
  onSortingChange?: OnChangeFn<SortingState>;
  isManualSorting?: boolean;
  pagination?: DataTablePagination;
  /** Rows in the loading skeleton: the page size, so nothing jumps when data arrives. */
  skeletonRows?: number;
  /** The table scrolls inside this height with its header stuck on top. */
  maxHeight?: number | string;
  minWidth?: number;
};

function isFromInteractive(event: MouseEvent | KeyboardEvent): boolean {
  const target = event.target as HTMLElement;
  return target !== event.currentTarget && target.closest('a, button, input, select, textarea') !== null;
}

export function DataTable<TRow>(props: DataTableProps<TRow>) {
  const { columns, data, label, empty, pagination, onRowOpen } = props;
  const [localSorting, setLocalSorting] = useState<SortingState>([]);
  const [activeIndex, setActiveIndex] = useState(-1);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const table = useReactTable({
    data: data ?? [],
    columns,
    getRowId: props.getRowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    manualSorting: props.isManualSorting ?? false,
    state: { sorting: props.sorting ?? localSorting },
    onSortingChange: props.onSortingChange ?? setLocalSorting,
    enableSortingRemoval: false,
    columnResizeMode: 'onChange',
  });
  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;

  function focusRow(index: number) {
    setActiveIndex(index);
    bodyRef.current?.querySelectorAll<HTMLTableRowElement>('tr[data-row]')[index]?.focus();
  }

  function onRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, index: number, row: TRow) {
    if (event.key === 'Enter' && onRowOpen && !isFromInteractive(event)) {
      event.preventDefault();
      onRowOpen(row);
      return;
    }
    const next = nextRowIndex(index, event.key, rows.length);
    if (next !== null) {
      event.preventDefault();
      focusRow(next);
    }
  }

  const isEmpty = !props.isLoading && !props.error && rows.length === 0;

  return (
    <div>
      {props.error ? (
        <QueryError error={props.error} onRetry={props.onRetry ?? (() => window.location.reload())} />
      ) : null}
      <Table.ScrollContainer
        minWidth={props.minWidth}
        maxHeight={props.maxHeight ?? 'calc(100dvh - 14rem)'}
        type="native"
        className="kd-stacked"
        // A scrollable region is named and reachable by keyboard (axe: scrollable-region-focusable).
        role="region"
        aria-label={`${label}, scrollable`}
        tabIndex={0}
      >
        <Table
          stickyHeader
          aria-label={label}
          aria-busy={props.isLoading || props.isFetching ? true : undefined}
          aria-rowcount={props.isLoading ? -1 : undefined}
          style={{ tableLayout: 'fixed' }}
        >
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => {
                  const column = header.column;
                  const isNumeric = column.columnDef.meta?.isNumeric ?? false;
                  const sorted = column.getIsSorted();
                  const content = header.isPlaceholder
                    ? null
                    : flexRender(column.columnDef.header, header.getContext());
                  return (
                    <Table.Th
                      key={header.id}
                      className={isNumeric ? 'num' : undefined}
                      aria-sort={column.getCanSort() ? ariaSort(sorted) : undefined}
                      style={{ width: header.getSize(), position: 'relative' }}
                    >
                      {column.getCanSort() ? (
                        <UnstyledButton
                          onClick={column.getToggleSortingHandler()}
                          fw={600}
                          fz="sm"
                          w="100%"
                          style={{ textAlign: isNumeric ? 'right' : 'left' }}
                        >
                          <Group
                            gap={4}
                            wrap="nowrap"
                            justify={isNumeric ? 'flex-end' : 'flex-start'}
                            component="span"
                          >
                            {content}
                            {sorted === 'asc' ? (
                              <IconArrowUp size={14} aria-hidden />
                            ) : sorted === 'desc' ? (
                              <IconArrowDown size={14} aria-hidden />
                            ) : (
                              <IconArrowsSort size={14} aria-hidden opacity={0.5} />
                            )}
                          </Group>
                        </UnstyledButton>
                      ) : (
                        content
                      )}
                      {column.getCanResize() ? (
                        <div
                          className="data-table-resizer"
                          onMouseDown={header.getResizeHandler()}
                          onTouchStart={header.getResizeHandler()}
                          data-resizing={column.getIsResizing() || undefined}
                          aria-hidden
                        />
                      ) : null}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody ref={bodyRef} style={{ opacity: props.isFetching && !props.isLoading ? 0.6 : 1 }}>
            {props.isLoading
              ? Array.from({ length: props.skeletonRows ?? 10 }, (_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
                  <Table.Tr key={i} aria-hidden>
                    {table.getVisibleLeafColumns().map((column) => (
                      <Table.Td key={column.id}>
                        <Skeleton height={'1.4em'} radius="sm" />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))
              : rows.map((row, index) => (
                  <Table.Tr
                    key={row.id}
                    data-row
                    tabIndex={index === Math.max(activeIndex, 0) ? 0 : -1}
                    onFocus={() => setActiveIndex(index)}
                    onKeyDown={(event) => onRowKeyDown(event, index, row.original)}
                    onClick={
                      onRowOpen
                        ? (event) => {
                            if (!isFromInteractive(event)) onRowOpen(row.original);
                          }
                        : undefined
                    }
                    className="data-table-row"
                    data-openable={onRowOpen ? true : undefined}
                  >
                    {row.getVisibleCells().map((cell) => (
                      <Table.Td
                        key={cell.id}
                        className={cell.column.columnDef.meta?.isNumeric ? 'num' : undefined}
                        data-label={
                          typeof cell.column.columnDef.header === 'string'
                            ? cell.column.columnDef.header
                            : undefined
                        }
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
            {isEmpty ? (
              <Table.Tr>
                <Table.Td colSpan={columnCount}>
                  <EmptyState title={empty.title}>{empty.description}</EmptyState>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pagination ? (
        <Group justify="space-between" mt="sm" wrap="nowrap">
          <Text size="sm" c="dimmed" aria-live="polite">
            Page {pagination.pageIndex + 1}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="default"
              size="xs"
              onClick={pagination.onPreviousPage}
              disabled={pagination.pageIndex === 0 || props.isFetching}
            >
              Previous
            </Button>
            <Button
              variant="default"
              size="xs"
              onClick={pagination.onNextPage}
              disabled={!pagination.hasNextPage || props.isFetching}
            >
              Next
            </Button>
          </Group>
        </Group>
      ) : null}
    </div>
  );
}
