// The Overview's small trend charts: the last 30 days of visits, downloads, update checks and orders.
// Drawn as plain SVG (no chart.js) and loaded lazily by the Overview, so its first paint never waits.
// Today is still running: its point is drawn dashed and the figure says through when it counts.
import { Card, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDay } from '../../components/charts/chart-format.ts';
import { Sparkline } from '../../components/charts/sparkline.tsx';
import { formatCount } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { bucketKeys, toSeries } from './analytics-series.ts';

type Metric = 'web.traffic' | 'downloads' | 'updateChecks' | 'sales';

const CARDS: { metric: Metric; series: string; label: string }[] = [
  { metric: 'web.traffic', series: 'visitors', label: 'Visitors' },
  { metric: 'downloads', series: 'downloads', label: 'Downloads' },
  { metric: 'updateChecks', series: 'checks', label: 'Update checks' },
  { metric: 'sales', series: 'orders', label: 'Orders' },
];

function SparklineCard({ metric, series, label }: (typeof CARDS)[number]) {
  const trpc = useTRPC();
  const result = useQuery(
    trpc.analytics.timeSeries.queryOptions({
      metric,
      range: { range: '30d' },
      granularity: 'day',
      compare: false,
    }),
  );
  const data = result.data;
  if (!data) return <Skeleton height={96} radius="md" />;
  const buckets = bucketKeys(data.range.from, data.range.to, 'day');
  // Orders come per currency; counts of orders may be added up, money may not.
  const values = buckets.map(() => 0);
  for (const dataset of toSeries(data.rows, buckets))
    if (dataset.series === series)
      dataset.values.forEach((v, i) => {
        values[i] = (values[i] ?? 0) + v;
      });
  const total = values.reduce((sum, v) => sum + v, 0);
  const partialAt = data.partial.last ? buckets.indexOf(data.partial.last.bucket) : -1;
  const partialNote = data.partial.last
    ? `; today counts through ${formatDay(data.partial.last.through)} so far`
    : '';
  return (
    <Card
      component={Link}
      to="/analytics"
      data-testid={`sparkline-${metric}`}
      aria-label={`${label}: ${formatCount(total)} in 30 days${partialNote}; open Analytics`}
    >
      <Text size="xs" tt="uppercase" fw={600} c="dimmed">
        {label} · 30 days
      </Text>
      <Text fw={700} className="num" ta="left">
        {formatCount(total)}
      </Text>
      <Sparkline
        height={40}
        ariaLabel={`${label} per day, last 30 days${partialAt >= 0 ? ', today dashed as partial' : ''}`}
        values={values}
        partialFrom={partialAt >= 0 ? partialAt : undefined}
      />
    </Card>
  );
}

export default function AnalyticsSparklineRow() {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }}>
      {CARDS.map((card) => (
        <SparklineCard key={card.metric} {...card} />
      ))}
    </SimpleGrid>
  );
}
