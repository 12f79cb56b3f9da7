// The frame every chart sits in: title, CSV download, loading/empty/error states, and a table
// fallback holding the same figures as the chart.
import { Button, Card, Group, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { EmptyState, QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { type CsvCell, downloadCsv, toCsv } from './analytics-csv.ts';

export type ChartCardState = {
  isPending: boolean;
  /** Fetching new figures while the old ones stay on screen. */
  isFetching?: boolean;
  error: unknown;
  refetch: () => unknown;
};

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
  /** Controls beside the title, such as the currency picker. */
  actions?: ReactNode;
}) {
  const { state } = props;
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
          {props.actions}
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
