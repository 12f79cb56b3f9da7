// Shares (doughnut or bars) above a top-N table: countries, browsers, referrers, versions…
// Names are spelled out (country and language codes via Intl.DisplayNames); money is shown in one
// currency at a time, ranked within it.
import { Stack, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import {
  formatCompact,
  formatCompactMoney,
  formatLanguage,
  formatMajorMoney,
} from '../../components/charts/chart-format.ts';
import { LazyChart } from '../../components/charts/lazy-chart.tsx';
import { formatCount, formatCountry, formatMoney } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { AnalyticsChartCard, chartCardState, useCurrencyPick } from './analytics-chart-card.tsx';
import { type AnalyticsQuery, isRangeReady, minorToMajor, rangeInput } from './analytics-query.ts';

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
  const ready = isRangeReady(props.query);
  const result = useQuery({
    ...trpc.analytics.breakdown.queryOptions({
      dimension: props.dimension,
      range: rangeInput(props.query),
      limit: 10,
    }),
    enabled: ready,
    placeholderData: (previous) => previous,
  });
  const allRows = result.data?.rows ?? [];
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
      title={props.title}
      testId={props.testId}
      state={chartCardState(ready, result)}
      isEmpty={rows.length === 0}
      emptyHint={props.emptyHint}
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
          <Table striped layout="fixed" aria-label={`${props.title}, top ${rows.length}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col" className="num" w="32%">
                  {props.valueLabel}
                </Table.Th>
                <Table.Th scope="col" className="num" w={72}>
                  Share
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={name(row)}>
                  <Table.Th scope="row" fw={400} title={name(row)} style={ELLIPSIS}>
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
        </Stack>
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
