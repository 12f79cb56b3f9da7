// A chart over time (line or bar) for one metric: a headline total with its change, the previous
// period dashed when comparing, partial periods marked, money in one currency at a time.
import { Table } from '@mantine/core';
import { formatCompact, formatCompactMoney, formatMajorMoney } from '../../components/charts/chart-format.ts';
import { LazyChart } from '../../components/charts/lazy-chart.tsx';
import { formatCount, formatMoney } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import {
  AnalyticsChartCard,
  type AnalyticsChartProps,
  useAnalyticsChart,
  useCurrencyPick,
} from './analytics-chart-card.tsx';
import { AnalyticsHeadline } from './analytics-headline.tsx';
import { AnalyticsMissingRates } from './analytics-missing-rates.tsx';
import { minorToMajor, rangeInput, SERIES_LABELS } from './analytics-query.ts';
import type { Dataset } from './analytics-series.ts';
import {
  HOME_SERIES,
  isMoney,
  moneyChoices,
  type TimeChartOptions,
  toTimeChart,
} from './analytics-time-data.ts';

type Metric = 'web.traffic' | 'web.bots' | 'downloads' | 'updateChecks' | 'sales' | 'refunds' | 'support';

function label(dataset: Dataset): string {
  return SERIES_LABELS[dataset.series] ?? dataset.series;
}

function display(dataset: Dataset, value: number): string {
  return isMoney(dataset) && dataset.currency ? formatMoney(value, dataset.currency) : formatCount(value);
}

export function AnalyticsTimeChart(
  props: AnalyticsChartProps & {
    metric: Metric;
    kind: 'line' | 'bar';
    options?: Omit<TimeChartOptions, 'currency'>;
  },
) {
  const trpc = useTRPC();
  const { query } = props;
  const { data, card } = useAnalyticsChart(
    props,
    trpc.analytics.timeSeries.queryOptions({
      metric: props.metric,
      range: rangeInput(query),
      granularity: query.granularity,
      compare: query.compare,
    }),
  );
  const choices = data ? moneyChoices(data.rows, props.options?.series ?? []) : [];
  const pick = useCurrencyPick(choices, 140);
  const currency = pick.value;
  const chart = data ? toTimeChart(data, query.granularity, { ...props.options, currency }) : null;
  const current = chart?.current ?? [];
  const previous = chart?.previous ?? [];
  const money = (d: Dataset, v: number) => (isMoney(d) && d.currency ? minorToMajor(v, d.currency) : v);
  const headline = chart?.headline;
  const noun = query.granularity;
  // The chart draws major units (euros, not cents) when it shows money.
  const moneyCurrency = current[0] && isMoney(current[0]) ? current[0].currency : null;

  return (
    <AnalyticsChartCard
      {...card}
      isEmpty={current.length === 0}
      currency={pick}
      headline={
        headline ? (
          <>
            {data?.home && current[0]?.series === HOME_SERIES ? (
              <AnalyticsMissingRates home={data.home} />
            ) : null}
            <AnalyticsHeadline
              label={`${label(headline.dataset)} in this range`}
              name={current.length > 1 ? label(headline.dataset) : undefined}
              total={display(headline.dataset, headline.current)}
              current={headline.current}
              previous={headline.previous}
              previousLabel={
                headline.previous === null
                  ? undefined
                  : `vs ${display(headline.dataset, headline.previous)} the period before`
              }
            />
          </>
        ) : null
      }
      csv={() => ({
        header: [
          'period',
          ...current.map((d) => (isMoney(d) ? `${label(d)} ${d.currency} (minor units)` : label(d))),
          ...previous.map((d) => `${label(d)} previous period`),
        ],
        rows: (chart?.buckets ?? []).map((bucket, i) => [
          bucket,
          ...current.map((d) => d.values[i] ?? 0),
          ...previous.map((d) => d.values[i] ?? 0),
        ]),
      })}
      chart={
        chart ? (
          <LazyChart
            kind={props.kind}
            ariaLabel={`${props.title}, ${chart.titles[0] ?? ''} to ${chart.titles.at(-1) ?? ''}, by ${noun}`}
            labels={chart.labels}
            titles={chart.titles}
            partialNotes={chart.partialNotes}
            formatValue={(v) => (moneyCurrency ? formatMajorMoney(v, moneyCurrency) : formatCount(v))}
            formatAxis={(v) => (moneyCurrency ? formatCompactMoney(v, moneyCurrency) : formatCompact(v))}
            datasets={[
              ...current.map((d) => ({ label: label(d), data: d.values.map((v) => money(d, v)) })),
              ...previous.map((d) => ({
                label: `${label(d)} (previous)`,
                data: d.values.map((v) => money(d, v)),
                dashed: true,
              })),
            ]}
          />
        ) : null
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
              {(chart?.buckets ?? []).map((bucket, i) => (
                <Table.Tr key={bucket}>
                  <Table.Th scope="row" fw={400}>
                    {chart?.titles[i]}
                    {chart?.partialNotes[i] ? ` (${chart.partialNotes[i]})` : ''}
                  </Table.Th>
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
