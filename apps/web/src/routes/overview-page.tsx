import { Card, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { PageHeader } from '../components/ui/page-header.tsx';
import { QueryError, SkeletonRows } from '../components/ui/query-state.tsx';
import { OverviewLatestOrders } from '../features/overview/overview-latest-orders.tsx';
import { OverviewStatCard } from '../features/overview/overview-stat-card.tsx';
import { formatChange, formatCount, formatMoney } from '../lib/format.ts';
import { useTRPC } from '../lib/trpc.ts';

// Trend charts load after the figures: neither they nor chart.js hold up the Overview's first paint.
const AnalyticsSparklineRow = lazy(() => import('../features/analytics/analytics-sparkline-row.tsx'));

export function OverviewPage() {
  const trpc = useTRPC();
  const overview = useQuery(trpc.overview.get.queryOptions());
  const data = overview.data;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Overview"
        description={
          data
            ? `The last ${data.windowDays} days against the ${data.windowDays} before.`
            : 'Loading figures…'
        }
      />
      {overview.error ? <QueryError error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }}>
        {data ? (
          <>
            <OverviewStatCard
              testId="stat-customers"
              label="Customers"
              value={formatCount(data.customers)}
              hint="All time"
            />
            <OverviewStatCard
              testId="stat-licenses"
              label="Licenses sold"
              value={formatCount(data.licenses.current)}
              change={formatChange(data.licenses.current, data.licenses.previous)}
              hint={`${formatCount(data.licenses.previous)} in the previous ${data.windowDays} days`}
            />
            <Card data-testid="stat-revenue">
              <Text size="xs" tt="uppercase" fw={600} c="dimmed">
                Revenue
              </Text>
              {data.revenueHome ? (
                <>
                  <Text fz={26} fw={700} className="num" data-testid="revenue-home">
                    {formatMoney(data.revenueHome.currentMinor, data.revenueHome.currency)}{' '}
                    <Text span size="xs" c="dimmed">
                      {formatChange(data.revenueHome.currentMinor, data.revenueHome.previousMinor) ?? ''}
                    </Text>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {data.revenueHome.missingCurrencies.length > 0
                      ? `Without ${data.revenueHome.missingCurrencies.join(', ')}: no exchange rate yet`
                      : `All currencies at each day's ECB rate`}
                  </Text>
                </>
              ) : null}
              {data.revenue.length === 0 ? (
                <Text c="dimmed" size="sm" mt={6}>
                  No sales in this period.
                </Text>
              ) : (
                <Stack gap={2} mt={4}>
                  {data.revenue.slice(0, data.revenueHome ? 3 : 4).map((row) => (
                    <Text
                      key={row.currency}
                      fw={data.revenueHome ? 400 : 600}
                      size={data.revenueHome ? 'xs' : undefined}
                      className="num"
                      ta="left"
                      data-testid={`revenue-${row.currency}`}
                    >
                      {formatMoney(row.currentMinor, row.currency)}{' '}
                      <Text span size="xs" c="dimmed">
                        {formatChange(row.currentMinor, row.previousMinor) ?? ''}
                      </Text>
                    </Text>
                  ))}
                </Stack>
              )}
            </Card>
            <OverviewStatCard
              testId="stat-open"
              label="Open conversations"
              value={formatCount(data.openConversations)}
              hint="Waiting for your reply"
            />
          </>
        ) : (
          Array.from({ length: 4 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <Skeleton key={i} height={108} radius="md" />
          ))
        )}
      </SimpleGrid>
      <Suspense fallback={<Skeleton height={96} radius="md" />}>
        <AnalyticsSparklineRow />
      </Suspense>
      <Card>
        <Title order={2} size="h4" mb="sm">
          Latest orders
        </Title>
        {data ? <OverviewLatestOrders orders={data.latestOrders} /> : <SkeletonRows rows={6} />}
      </Card>
    </Stack>
  );
}
