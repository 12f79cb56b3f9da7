// A chart over time (line or bar) for one metric, with the previous period dashed when comparing.
import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { LazyChart } from '../../components/charts/lazy-chart.tsx';
import { formatCount, formatMoney } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { AnalyticsChartCard } from './analytics-chart-card.tsx';
import { type AnalyticsQuery, minorToMajor, rangeInput, SERIES_LABELS } from './analytics-query.ts';
import { bucketKeys, type Dataset, toSeries } from './analytics-series.ts';

type Metric = 'web.traffic' | 'web.bots' | 'downloads' | 'updateChecks' | 'sales' | 'refunds' | 'support';

function label(dataset: Dataset): string {
  const name = SERIES_LABELS[dataset.series] ?? dataset.series;
  return dataset.currency ? `${name} ${dataset.currency}` : name;
}

function display(dataset: Dataset, value: number): string {
  return dataset.currency && dataset.series.endsWith('Minor')
    ? formatMoney(value, dataset.currency)
    : formatCount(value);
}

export function AnalyticsTimeChart(props: {
  title: string;
  testId: string;
  metric: Metric;
  /** Only these series of the metric (e.g. revenue without orders); all when absent. */
  series?: string[];
  kind: 'line' | 'bar';
  query: AnalyticsQuery;
  emptyHint: string;
}) {
  const trpc = useTRPC();
  const { query } = props;
  const ready = query.range !== 'custom' || Boolean(query.from && query.to);
  const result = useQuery({
    ...trpc.analytics.timeSeries.queryOptions({
      metric: props.metric,
      range: rangeInput(query),
      granularity: query.granularity,
      compare: query.compare,
    }),
    enabled: ready,
    placeholderData: (previous) => previous,
  });
  const data = result.data;
  const keep = (d: Dataset) => !props.series || props.series.includes(d.series);
  const buckets = data ? bucketKeys(data.range.from, data.range.to, query.granularity) : [];
  const current = data ? toSeries(data.rows, buckets).filter(keep) : [];
  const previous = data?.previous
    ? toSeries(
        data.previous.rows,
        bucketKeys(data.previous.range.from, data.previous.range.to, query.granularity),
      )
        .filter(keep)
        .map((d) => ({ ...d, values: buckets.map((_, i) => d.values[i] ?? 0) }))
    : [];
  const money = (d: Dataset, v: number) =>
    d.currency && d.series.endsWith('Minor') ? minorToMajor(v, d.currency) : v;

  return (
    <AnalyticsChartCard
      title={props.title}
      testId={props.testId}
      state={{ isPending: !ready || result.isPending, error: result.error, refetch: result.refetch }}
      isEmpty={current.length === 0}
      emptyHint={props.emptyHint}
      csv={() => ({
        header: [
          'period',
          ...current.map((d) =>
            d.currency && d.series.endsWith('Minor') ? `${label(d)} (minor units)` : label(d),
          ),
          ...previous.map((d) => `${label(d)} previous period`),
        ],
        rows: buckets.map((bucket, i) => [
          bucket,
          ...current.map((d) => d.values[i] ?? 0),
          ...previous.map((d) => d.values[i] ?? 0),
        ]),
      })}
      chart={
        <LazyChart
          kind={props.kind}
          ariaLabel={`${props.title}, ${buckets[0] ?? ''} to ${buckets.at(-1) ?? ''}, by ${query.granularity}`}
          labels={buckets}
          datasets={[
            ...current.map((d) => ({ label: label(d), data: d.values.map((v) => money(d, v)) })),
            ...previous.map((d) => ({
              label: `${label(d)} (previous)`,
              data: d.values.map((v) => money(d, v)),
              dashed: true,
            })),
          ]}
        />
      }
      table={
        <section aria-label={`${props.title} as a table`}>
          <Table striped stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Period</Table.Th>
                {current.map((d) => (
                  <Table.Th key={d.key} scope="col" className="num">
                    {label(d)}
                  </Table.Th>
                ))}
                {previous.map((d) => (
                  <Table.Th key={`prev-${d.key}`} scope="col" className="num">
                    {label(d)} (previous)
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {buckets.map((bucket, i) => (
                <Table.Tr key={bucket}>
                  <Table.Th scope="row">{bucket}</Table.Th>
                  {current.map((d) => (
                    <Table.Td key={d.key} className="num">
                      {display(d, d.values[i] ?? 0)}
                    </Table.Td>
                  ))}
                  {previous.map((d) => (
                    <Table.Td key={`prev-${d.key}`} className="num">
                      {display(d, d.values[i] ?? 0)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      }
    />
  );
}
