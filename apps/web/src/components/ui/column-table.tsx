import { Table, type TableProps, type TableTdProps, VisuallyHidden } from '@mantine/core';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { EmptyState, QueryError, SkeletonRows } from './query-state.tsx';
import { TableContainer } from './table-container.tsx';

/** Props a cell may take as `<td>` or `<th>` (Mantine's style props, `title`). */
export type ColumnCellProps = Omit<TableTdProps, 'classNames' | 'styles' | 'vars'>;

/** One column of a `ColumnTable`: its header and what each row shows in it. */
export type Column<Row> = {
  /** The header text, also the cell's label when a phone stacks the rows; unique in its table. */
  header: string;
  cell: (row: Row) => ReactNode;
  /** Right-aligned with tabular figures: counts, money, sizes. */
  isNumeric?: boolean;
  /** Header read by screen readers only (a column of buttons). */
  isHeaderHidden?: boolean;
  /** The cell names its row for screen readers (`<th scope="row">`). */
  isRowHeader?: boolean;
  /** Extra props of the cell (`ff`, `miw`, `title`). */
  cellProps?: (row: Row) => ColumnCellProps;
};

export type ColumnTableProps<Row> = {
  /** Names the table and its scroll region ("Licenses"). */
  label: string;
  /** The width below which the table scrolls sideways instead of squeezing (wide screens); 560 px. */
  minWidth?: number;
  columns: readonly Column<Row>[];
  /** Undefined while loading: skeleton rows stand in for the table. */
  rows: readonly Row[] | undefined;
  /** What an empty list says: what it holds and how to fill it. */
  empty: { title: string; description?: ReactNode };
  skeletonRows?: number;
  /** Shown with Retry; above the rows when some were loaded before it. */
  error?: unknown;
  onRetry?: () => void;
  /** Mantine's own table props: `striped`, `verticalSpacing`, `fz`, a test id. */
  tableProps?: TableProps & { 'data-testid'?: string };
  rowProps?: (row: Row) => ComponentPropsWithoutRef<'tr'> & { 'data-testid'?: string };
} & RowKeyProps<Row>;

type RowKey = string | number;
/** Rows with an `id` are keyed by it; others say what tells them apart. */
type RowKeyProps<Row> = Row extends { id: RowKey }
  ? { getRowKey?: (row: Row) => RowKey }
  : { getRowKey: (row: Row) => RowKey };

/**
 * A plain read-only table from typed columns, with the states every list has: error with Retry,
 * loading skeleton, empty state. Scrolls sideways on a wide screen and stacks on a phone
 * (TableContainer). For sorting, paging or row navigation use `DataTable`.
 */
export function ColumnTable<Row>(props: ColumnTableProps<Row>) {
  const { columns, rows } = props;
  // Without `getRowKey` the type has already made sure the rows have an `id`.
  const getRowKey = props.getRowKey ?? ((row: Row) => (row as { id: RowKey }).id);
  const error = props.error ? (
    <QueryError error={props.error} onRetry={props.onRetry ?? (() => window.location.reload())} />
  ) : null;
  if (error && !rows?.length) return error;
  if (!rows) return <SkeletonRows rows={props.skeletonRows} />;
  if (rows.length === 0) return <EmptyState title={props.empty.title}>{props.empty.description}</EmptyState>;
  return (
    <>
      {error}
      <TableContainer label={props.label} minWidth={props.minWidth}>
        <Table aria-label={props.label} {...props.tableProps}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.header} scope="col" className={column.isNumeric ? 'num' : undefined}>
                  {column.isHeaderHidden ? <VisuallyHidden>{column.header}</VisuallyHidden> : column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={getRowKey(row)} {...props.rowProps?.(row)}>
                {columns.map((column) => {
                  const cellProps = {
                    className: column.isNumeric ? 'num' : undefined,
                    ...column.cellProps?.(row),
                  };
                  return column.isRowHeader ? (
                    <Table.Th key={column.header} scope="row" fw={400} {...cellProps}>
                      {column.cell(row)}
                    </Table.Th>
                  ) : (
                    <Table.Td key={column.header} {...cellProps}>
                      {column.cell(row)}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableContainer>
    </>
  );
}

/** What a server list gives its table. */
type QueryTableProps<Row> = { rows: readonly Row[] | undefined; error: unknown; onRetry: () => void };

/** A server list (`useQuery`, `useInfiniteQuery`), as far as its table needs it. */
type ListQuery<Data> = { data?: Data; error: unknown; refetch: () => unknown };

/** A list's rows (undefined while loading), picked from its data, and its error with Retry. */
export function toQueryTableProps<Row>(query: ListQuery<readonly Row[]>): QueryTableProps<Row>;
export function toQueryTableProps<Data, Row>(
  query: ListQuery<Data>,
  getRows: (data: Data) => readonly Row[],
): QueryTableProps<Row>;
export function toQueryTableProps<Row>(
  query: ListQuery<unknown>,
  // Only the first overload leaves this out, and there the data is the rows themselves.
  getRows = (data: unknown) => data as readonly Row[],
): QueryTableProps<Row> {
  return {
    rows: query.data === undefined ? undefined : getRows(query.data),
    error: query.error,
    onRetry: () => void query.refetch(),
  };
}

/** A paged list's rows loaded so far (undefined until the first page) and its error with Retry. */
export function toPagedTableProps<Row>(
  query: ListQuery<{ pages: readonly { items: readonly Row[] }[] }>,
): QueryTableProps<Row> {
  return toQueryTableProps(query, (data) => data.pages.flatMap((page) => page.items));
}
