// Shares (doughnut or bars) beside a top-N table: countries, browsers, referrers, versions…
import { SimpleGrid, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { LazyChart } from '../../components/charts/lazy-chart.tsx';
import { formatCount, formatMoney } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { AnalyticsChartCard } from './analytics-chart-card.tsx';
import { type AnalyticsQuery, rangeInput } from './analytics-query.ts';

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

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

export function AnalyticsBreakdown(props: {
  title: string;
  testId: string;
  dimension: Dimension;
  kind: 'doughnut' | 'bar';
  valueLabel: string;
  secondaryLabel?: string;
  query: AnalyticsQuery;
  emptyHint: string;
}) {
  const trpc = useTRPC();
  const ready = props.query.range !== 'custom' || Boolean(props.query.from && props.query.to);
  const result = useQuery({
    ...trpc.analytics.breakdown.queryOptions({
      dimension: props.dimension,
      range: rangeInput(props.query),
      limit: 10,
    }),
    enabled: ready,
    placeholderData: (previous) => previous,
  });
  const rows = result.data?.rows ?? [];
  const isMoney = props.dimension === 'sales.product';
  const value = (row: (typeof rows)[number]) =>
    isMoney && row.currency ? formatMoney(row.value, row.currency) : formatCount(row.value);
  const name = (row: (typeof rows)[number]) => (row.currency ? `${row.key} (${row.currency})` : row.key);
  // Money cannot be drawn across currencies; the sales chart shows order counts, which can.
  const chartValue = (row: (typeof rows)[number]) => (isMoney ? (row.secondary ?? 0) : row.value);

  return (
    <AnalyticsChartCard
      title={props.title}
      testId={props.testId}
      state={{ isPending: !ready || result.isPending, error: result.error, refetch: result.refetch }}
      isEmpty={rows.length === 0}
      emptyHint={props.emptyHint}
      csv={() => ({
        header: [
          'name',
          ...(isMoney ? ['currency', `${props.valueLabel} (minor units)`] : [props.valueLabel]),
          ...(props.secondaryLabel ? [props.secondaryLabel] : []),
          'share',
        ],
        rows: rows.map((row) => [
          row.key,
          ...(isMoney ? [row.currency, row.value] : [row.value]),
          ...(props.secondaryLabel ? [row.secondary] : []),
          row.total ? Number((row.value / row.total).toFixed(4)) : 0,
        ]),
      })}
      chart={
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <LazyChart
            kind={props.kind}
            height={220}
            ariaLabel={`${props.title}: top ${rows.length}`}
            labels={rows.map(name)}
            datasets={[{ label: isMoney ? 'Orders' : props.valueLabel, data: rows.map(chartValue) }]}
          />
          <Table striped aria-label={`${props.title}, top ${rows.length}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col" className="num">
                  {props.valueLabel}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  Share
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={name(row)}>
                  <Table.Th scope="row" fw={400}>
                    {name(row)}
                  </Table.Th>
                  <Table.Td className="num">{value(row)}</Table.Td>
                  <Table.Td className="num">
                    {row.total ? percent.format(row.value / row.total) : '–'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SimpleGrid>
      }
      table={
        props.secondaryLabel ? (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col" className="num">
                  {props.secondaryLabel}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={name(row)}>
                  <Table.Th scope="row" fw={400}>
                    {name(row)}
                  </Table.Th>
                  <Table.Td className="num">{formatCount(row.secondary ?? 0)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <p>The table beside the chart holds every figure it draws.</p>
        )
      }
    />
  );
}
