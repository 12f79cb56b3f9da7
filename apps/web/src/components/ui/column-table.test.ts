import { MantineProvider } from '@mantine/core';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type Column, ColumnTable, type ColumnTableProps, toPagedTableProps } from './column-table.tsx';

type Row = { id: number; name: string; seats: number };

const COLUMNS: Column<Row>[] = [
  { header: 'Name', isRowHeader: true, cell: (row) => row.name },
  { header: 'Seats', isNumeric: true, cell: (row) => String(row.seats) },
  { header: 'Actions', isHeaderHidden: true, cell: (row) => `Open ${row.name}` },
];

function render(props: Partial<ColumnTableProps<Row>>): string {
  const table: ReactNode = createElement(ColumnTable<Row>, {
    label: 'Licenses',
    minWidth: 480,
    columns: COLUMNS,
    rows: [],
    getRowKey: (row) => row.id,
    empty: { title: 'No licenses', description: 'They appear when an order is paid.' },
    ...props,
  });
  return renderToStaticMarkup(createElement(MantineProvider, null, table));
}

describe('ColumnTable', () => {
  it('shows a skeleton while the rows are loading', () => {
    const html = render({ rows: undefined });
    expect(html).toContain('aria-busy="true"');
    expect(html).not.toContain('<table');
  });

  it('says what an empty list holds', () => {
    const html = render({ rows: [] });
    expect(html).toContain('No licenses');
    expect(html).toContain('They appear when an order is paid.');
    expect(html).not.toContain('<table');
  });

  it('shows an error with Retry instead of an empty list, and above rows already loaded', () => {
    const error = new Error('Network down');
    expect(render({ rows: [], error, onRetry: () => {} })).not.toContain('No licenses');
    const html = render({ rows: [{ id: 1, name: 'Pro', seats: 3 }], error, onRetry: () => {} });
    expect(html.indexOf('Network down')).toBeLessThan(html.indexOf('<table'));
  });

  it('renders named, scoped headers, numeric cells and row headers in a labelled scroll region', () => {
    const html = render({ rows: [{ id: 1, name: 'Pro', seats: 3 }] });
    expect(html).toMatch(/<section[^>]*aria-label="Licenses"/);
    expect(html).toMatch(/<table[^>]*aria-label="Licenses"/);
    expect(html).toMatch(/<th[^>]*scope="col"[^>]*>Name<\/th>/);
    expect(html).toMatch(/<th[^>]*class="[^"]*\bnum\b[^>]*>Seats<\/th>/);
    expect(html).toContain('mantine-VisuallyHidden-root');
    expect(html).toMatch(/<th[^>]*scope="row"[^>]*>Pro<\/th>/);
    expect(html).toMatch(/<td[^>]*class="[^"]*\bnum\b[^>]*>3<\/td>/);
  });
});

describe('toPagedTableProps', () => {
  it('stands skeleton rows in until the first page arrives', () => {
    expect(toPagedTableProps<Row>({ error: null, refetch: () => {} }).rows).toBeUndefined();
  });

  it('lists the rows of every page loaded so far, in order', () => {
    const pages = [
      { items: [{ id: 1, name: 'Pro', seats: 3 }] },
      { items: [{ id: 2, name: 'Lite', seats: 1 }] },
    ];
    const props = toPagedTableProps<Row>({ data: { pages }, error: null, refetch: () => {} });
    expect(props.rows?.map((row) => row.id)).toEqual([1, 2]);
  });

  it('retries by fetching the list again', () => {
    let fetches = 0;
    const props = toPagedTableProps<Row>({
      data: { pages: [] },
      error: new Error('Down'),
      refetch: () => fetches++,
    });
    props.onRetry?.();
    expect(fetches).toBe(1);
  });
});
