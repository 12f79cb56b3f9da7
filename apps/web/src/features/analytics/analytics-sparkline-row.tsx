// The Overview's small trend charts: the last 30 days of visits, downloads, update checks and orders.
// Loaded lazily by the Overview, so its first paint never waits for this or for chart.js.
import { Card, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { LazyChart } from '../../components/charts/lazy-chart.tsx';
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

function Sparkline({ metric, series, label }: (typeof CARDS)[number]) {
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
  return (
    <Card
      component={Link}
      to="/analytics"
      data-testid={`sparkline-${metric}`}
      aria-label={`${label}: ${formatCount(total)} in 30 days; open Analytics`}
    >
      <Text size="xs" tt="uppercase" fw={600} c="dimmed">
        {label} · 30 days
      </Text>
      <Text fw={700} className="num" ta="left">
        {formatCount(total)}
      </Text>
      <LazyChart
        kind="line"
        sparkline
        height={40}
        ariaLabel={`${label} per day, last 30 days`}
        labels={buckets}
        datasets={[{ label, data: values }]}
      />
    </Card>
  );
}

export default function AnalyticsSparklineRow() {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }}>
      {CARDS.map((card) => (
        <Sparkline key={card.metric} {...card} />
      ))}
    </SimpleGrid>
  );
}
