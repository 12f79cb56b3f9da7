// Shares (doughnut or bars) above a top-N table: countries, browsers, referrers, versions…
// Names are spelled out (country and language codes via Intl.DisplayNames); money is shown in one
// currency at a time, ranked within it.
import { Stack, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  formatCompact,
  formatCompactMoney,
  formatLanguage,
  formatMajorMoney,
} from '../../components/charts/chart-format.ts';
import { LazyChart } from '../../components/charts/lazy-chart.tsx';
import { formatCount, formatCountry, formatMoney } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import {
  AnalyticsChartCard,
  type AnalyticsChartProps,
  useAnalyticsChart,
  useCurrencyPick,
} from './analytics-chart-card.tsx';
import { minorToMajor, rangeInput } from './analytics-query.ts';

type Dimension =
  | 'web.country'
  | 'web.browser'
  | 'web.os'
  | 'web.referrer'
  | 'web.bot'
  | 'downloads.file'
  | 'updates.os'
  | 'updates.osVersion'
  | 'updates.appVersion'
  | 'updates.language'
  | 'sales.product';

// Long product or browser names stay on one line (the full name is in the title) instead of
// wrapping onto four and squeezing the figures.
const ELLIPSIS = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** A figure column of a breakdown's table, beside the names. */
type BreakdownColumn<Row> = { header: string; width?: string | number; cell: (row: Row) => ReactNode };

/**
 * Names down the side, one figure a column. A compact table sits under its chart: fixed columns,
 * each name on one line (in full on hover).
 */
function BreakdownTable<Row>(props: {
  rows: Row[];
  name: (row: Row) => string;
  columns: BreakdownColumn<Row>[];
  compactLabel?: string;
}) {
  const { rows, name, compactLabel } = props;
  const isCompact = compactLabel !== undefined;
  return (
    <Table striped layout={isCompact ? 'fixed' : undefined} aria-label={compactLabel}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Name</Table.Th>
          {props.columns.map((column) => (
            <Table.Th key={column.header} scope="col" className="num" w={column.width}>
              {column.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={name(row)}>
            <Table.Th
              scope="row"
              fw={400}
              title={isCompact ? name(row) : undefined}
              style={isCompact ? ELLIPSIS : undefined}
            >
              {name(row)}
            </Table.Th>
            {props.columns.map((column) => (
              <Table.Td key={column.header} className="num">
                {column.cell(row)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function AnalyticsBreakdown(
  props: AnalyticsChartProps & {
    dimension: Dimension;
    kind: 'doughnut' | 'bar';
    valueLabel: string;
    secondaryLabel?: string;
  },
) {
  const trpc = useTRPC();
  const { data, card } = useAnalyticsChart(
    props,
    trpc.analytics.breakdown.queryOptions({
      dimension: props.dimension,
      range: rangeInput(props.query),
      limit: 10,
    }),
  );
  const allRows = data?.rows ?? [];
  const isMoney = props.dimension === 'sales.product';
  // Currencies in the order of their largest total; money is never summed across them.
  const currencies = [...new Set(allRows.filter((r) => r.currency).map((r) => r.currency as string))];
  const pick = useCurrencyPick(
    currencies.map((c) => ({ value: c, label: c })),
    92,
  );
  const currency = pick.value;
  const rows = isMoney ? allRows.filter((r) => r.currency === currency) : allRows;
  const value = (row: (typeof rows)[number]) =>
    isMoney && row.currency ? formatMoney(row.value, row.currency) : formatCount(row.value);
  const name = (row: (typeof rows)[number]) =>
    props.dimension === 'web.country'
      ? formatCountry(row.key)
      : props.dimension === 'updates.language'
        ? formatLanguage(row.key)
        : row.key;
  const chartValue = (row: (typeof rows)[number]) =>
    isMoney && row.currency ? minorToMajor(row.value, row.currency) : row.value;

  return (
    <AnalyticsChartCard
      {...card}
      isEmpty={rows.length === 0}
      currency={isMoney ? pick : undefined}
      csv={() => ({
        header: [
          'name',
          ...(isMoney ? ['currency', `${props.valueLabel} (minor units)`] : [props.valueLabel]),
          ...(props.secondaryLabel ? [props.secondaryLabel] : []),
          'share',
        ],
        rows: allRows.map((row) => [
          row.key,
          ...(isMoney ? [row.currency, row.value] : [row.value]),
          ...(props.secondaryLabel ? [row.secondary] : []),
          row.total ? Number((row.value / row.total).toFixed(4)) : 0,
        ]),
      })}
      chart={
        <Stack gap="md">
          <LazyChart
            kind={props.kind}
            horizontal={props.kind === 'bar'}
            height={props.kind === 'bar' ? Math.max(120, rows.length * 26 + 24) : 220}
            ariaLabel={`${props.title}: top ${rows.length}`}
            labels={rows.map(name)}
            formatValue={(v) => (isMoney && currency ? formatMajorMoney(v, currency) : formatCount(v))}
            formatAxis={(v) => (isMoney && currency ? formatCompactMoney(v, currency) : formatCompact(v))}
            datasets={[{ label: props.valueLabel, data: rows.map(chartValue) }]}
          />
          <BreakdownTable
            compactLabel={`${props.title}, top ${rows.length}`}
            rows={rows}
            name={name}
            columns={[
              { header: props.valueLabel, width: '32%', cell: value },
              {
                header: 'Share',
                width: 72,
                cell: (row) => (row.total ? percent.format(row.value / row.total) : '–'),
              },
            ]}
          />
        </Stack>
      }
      table={
        props.secondaryLabel ? (
          <BreakdownTable
            rows={rows}
            name={name}
            columns={[{ header: props.secondaryLabel, cell: (row) => formatCount(row.secondary ?? 0) }]}
          />
        ) : (
          <p>The table beside the chart holds every figure it draws.</p>
        )
      }
    />
  );
}
