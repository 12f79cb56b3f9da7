import '@mantine/dates/styles.css';
import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { PageHeader } from '../components/ui/page-header.tsx';
import { AnalyticsAbuseList } from '../features/analytics/analytics-abuse-list.tsx';
import { AnalyticsBreakdown } from '../features/analytics/analytics-breakdown.tsx';
import { AnalyticsFilters } from '../features/analytics/analytics-filters.tsx';
import { AnalyticsImportPanel } from '../features/analytics/analytics-import-panel.tsx';
import { type AnalyticsQuery, DEFAULT_QUERY } from '../features/analytics/analytics-query.ts';
import { AnalyticsTimeChart } from '../features/analytics/analytics-time-chart.tsx';

const NO_LOGS = 'Import web server logs with npm run import -- access-log FILE, or pick a longer range.';

export function AnalyticsPage() {
  const [query, setQuery] = useState<AnalyticsQuery>(DEFAULT_QUERY);
  return (
    <Stack gap="lg">
      <PageHeader
        title="Analytics"
        description="Aggregate counts only: no visitor's address or browser string is kept."
      />
      <AnalyticsFilters query={query} onChange={setQuery} />

      <Title order={2} size="h4">
        Website
      </Title>
      <AnalyticsTimeChart
        title="Page views and visitors"
        testId="chart-traffic"
        metric="web.traffic"
        kind="line"
        query={query}
        emptyHint={NO_LOGS}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <AnalyticsBreakdown
          title="Countries"
          testId="chart-countries"
          dimension="web.country"
          kind="doughnut"
          valueLabel="Page views"
          secondaryLabel="Visitors"
          query={query}
          emptyHint={NO_LOGS}
        />
        <AnalyticsBreakdown
          title="Browsers"
          testId="chart-browsers"
          dimension="web.browser"
          kind="bar"
          valueLabel="Page views"
          secondaryLabel="Visitors"
          query={query}
          emptyHint={NO_LOGS}
        />
        <AnalyticsBreakdown
          title="Operating systems"
          testId="chart-os"
          dimension="web.os"
          kind="doughnut"
          valueLabel="Page views"
          secondaryLabel="Visitors"
          query={query}
          emptyHint={NO_LOGS}
        />
        <AnalyticsBreakdown
          title="Referrers"
          testId="chart-referrers"
          dimension="web.referrer"
          kind="bar"
          valueLabel="Page views"
          query={query}
          emptyHint={NO_LOGS}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <AnalyticsTimeChart
          title="Bot requests"
          testId="chart-bots"
          metric="web.bots"
          kind="bar"
          query={query}
          emptyHint={NO_LOGS}
        />
        <AnalyticsBreakdown
          title="Bots"
          testId="chart-bot-names"
          dimension="web.bot"
          kind="bar"
          valueLabel="Requests"
          query={query}
          emptyHint={NO_LOGS}
        />
      </SimpleGrid>

      <Title order={2} size="h4">
        Downloads
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <AnalyticsTimeChart
          title="Downloads"
          testId="chart-downloads"
          metric="downloads"
          kind="bar"
          query={query}
          emptyHint="Downloads are counted from access logs under the download paths set in Settings."
        />
        <AnalyticsBreakdown
          title="Downloaded files"
          testId="chart-files"
          dimension="downloads.file"
          kind="bar"
          valueLabel="Downloads"
          query={query}
          emptyHint="No download in this range."
        />
      </SimpleGrid>

      <Title order={2} size="h4">
        Update checks
      </Title>
      <AnalyticsTimeChart
        title="Update checks"
        testId="chart-update-checks"
        metric="updateChecks"
        kind="line"
        query={query}
        emptyHint="The program reports to /collect/update-check; nothing arrived in this range."
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <AnalyticsBreakdown
          title="Program versions"
          testId="chart-app-versions"
          dimension="updates.appVersion"
          kind="bar"
          valueLabel="Checks"
          query={query}
          emptyHint="No update check in this range."
        />
        <AnalyticsBreakdown
          title="Operating system versions"
          testId="chart-os-versions"
          dimension="updates.osVersion"
          kind="doughnut"
          valueLabel="Checks"
          query={query}
          emptyHint="No update check in this range."
        />
        <AnalyticsBreakdown
          title="Languages"
          testId="chart-languages"
          dimension="updates.language"
          kind="bar"
          valueLabel="Checks"
          query={query}
          emptyHint="No update check in this range."
        />
        <AnalyticsAbuseList />
      </SimpleGrid>

      <Title order={2} size="h4">
        Sales and support
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <AnalyticsTimeChart
          title="Revenue per currency"
          testId="chart-revenue"
          metric="sales"
          series={['revenueMinor']}
          kind="line"
          query={query}
          emptyHint="No sale in this range."
        />
        <AnalyticsTimeChart
          title="Orders per currency"
          testId="chart-orders"
          metric="sales"
          series={['orders']}
          kind="bar"
          query={query}
          emptyHint="No sale in this range."
        />
        <AnalyticsTimeChart
          title="Refunds"
          testId="chart-refunds"
          metric="refunds"
          series={['refunds']}
          kind="bar"
          query={query}
          emptyHint="No refund in this range."
        />
        <AnalyticsBreakdown
          title="Products and editions"
          testId="chart-products"
          dimension="sales.product"
          kind="bar"
          valueLabel="Revenue"
          secondaryLabel="Orders"
          query={query}
          emptyHint="No sale in this range."
        />
      </SimpleGrid>
      <AnalyticsTimeChart
        title="Newsletter sign-ups, chats and emails"
        testId="chart-support"
        metric="support"
        kind="line"
        query={query}
        emptyHint="No sign-up, chat or email in this range."
      />
      <AnalyticsImportPanel />
    </Stack>
  );
}
