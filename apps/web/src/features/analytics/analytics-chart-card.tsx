// The frame every chart sits in: title, CSV download, loading/empty/error states, and a table
// fallback holding the same figures as the chart; and the hook that fetches a chart's figures for it.
import { Button, Card, Group, Select, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { keepPreviousData, type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { EmptyState, QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { type CsvCell, downloadCsv, toCsv } from './analytics-csv.ts';
import { type AnalyticsQuery, isRangeReady } from './analytics-query.ts';

export type ChartCardState = {
  isPending: boolean;
  /** Fetching new figures while the old ones stay on screen. */
  isFetching?: boolean;
  error: unknown;
  refetch: () => unknown;
};

/** What every chart on the page is given besides what it draws; the card shows the first three. */
export type AnalyticsChartProps = { title: string; testId: string; emptyHint: string; query: AnalyticsQuery };

/**
 * A chart's figures and the frame of its card. The query waits while a custom range lacks a day,
 * and the last figures stay on screen while the next ones load.
 */
export function useAnalyticsChart<TData, TError, TKey extends QueryKey>(
  chart: AnalyticsChartProps,
  options: UseQueryOptions<TData, TError, TData, TKey>,
) {
  const isReady = isRangeReady(chart.query);
  const result = useQuery({ ...options, enabled: isReady, placeholderData: keepPreviousData });
  const state: ChartCardState = {
    isPending: !isReady || result.isPending,
    isFetching: result.isFetching,
    error: result.error,
    refetch: result.refetch,
  };
  return {
    data: result.data,
    card: { title: chart.title, testId: chart.testId, emptyHint: chart.emptyHint, state },
  };
}

export type CurrencyPick = {
  choices: { value: string; label: string }[];
  /** The picked currency, or the first choice until one is picked or when the pick goes away. */
  value: string | null;
  onChange: (value: string | null) => void;
  width: number;
};

/** Money is shown in one currency at a time; the card offers the others beside its title. */
export function useCurrencyPick(choices: { value: string; label: string }[], width: number): CurrencyPick {
  const [picked, setPicked] = useState<string | null>(null);
  const value = picked && choices.some((c) => c.value === picked) ? picked : (choices[0]?.value ?? null);
  return { choices, value, onChange: setPicked, width };
}

export function AnalyticsChartCard(props: {
  title: string;
  testId: string;
  state: ChartCardState;
  isEmpty: boolean;
  emptyHint: string;
  csv: () => { header: string[]; rows: CsvCell[][] };
  chart: ReactNode;
  table: ReactNode;
  /** The total and its change, above the chart. */
  headline?: ReactNode;
  /** The currency picker beside the title, shown when there is more than one to pick. */
  currency?: CurrencyPick;
}) {
  const { state, currency } = props;
  const body = state.error ? (
    <QueryError error={state.error} onRetry={() => void state.refetch()} />
  ) : state.isPending ? (
    <SkeletonRows rows={6} />
  ) : props.isEmpty ? (
    <EmptyState title="Nothing in this range">{props.emptyHint}</EmptyState>
  ) : (
    <>
      {props.headline}
      {props.chart}
      <details className="analytics-table">
        <summary>Show the figures as a table</summary>
        {props.table}
      </details>
    </>
  );
  return (
    <Card
      data-testid={props.testId}
      component="section"
      aria-label={props.title}
      aria-busy={Boolean(state.isPending || state.isFetching)}
    >
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={3} size="h5">
          {props.title}
        </Title>
        <Group gap="xs" wrap="nowrap">
          {currency && currency.choices.length > 1 ? (
            <Select
              size="xs"
              w={currency.width}
              aria-label={`Currency of ${props.title}`}
              data={currency.choices}
              value={currency.value}
              allowDeselect={false}
              onChange={currency.onChange}
            />
          ) : null}
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconDownload size={14} aria-hidden />}
            disabled={state.isPending || Boolean(state.error) || props.isEmpty}
            aria-label={`Download ${props.title} as CSV`}
            onClick={() => {
              const { header, rows } = props.csv();
              downloadCsv(`${props.testId}.csv`, toCsv(header, rows));
            }}
          >
            CSV
          </Button>
        </Group>
      </Group>
      {body}
    </Card>
  );
}
