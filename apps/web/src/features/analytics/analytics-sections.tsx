// The Analytics page's three sections, one per question the owner asks: how sales go, who visits
// the website, and what the installed program reports. Each draws only when its tab is open.
import { SimpleGrid, Stack } from '@mantine/core';
import { AnalyticsAbuseList } from './analytics-abuse-list.tsx';
import { AnalyticsBreakdown } from './analytics-breakdown.tsx';
import { AnalyticsHomeCurrency } from './analytics-home-currency.tsx';
import { AnalyticsImportPanel } from './analytics-import-panel.tsx';
import type { AnalyticsQuery } from './analytics-query.ts';
import { AnalyticsTimeChart } from './analytics-time-chart.tsx';

export const ANALYTICS_SECTIONS = [
  { value: 'sales', label: 'Sales' },
  { value: 'website', label: 'Website' },
  { value: 'updates', label: 'Update checks' },
] as const;
export type AnalyticsSection = (typeof ANALYTICS_SECTIONS)[number]['value'];

const NO_LOGS = 'Import web server logs with npm run import -- access-log FILE, or pick a longer range.';

export function SalesSection({ query }: { query: AnalyticsQuery }) {
  return (
    <Stack gap="lg">
      <AnalyticsHomeCurrency />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <AnalyticsTimeChart
          title="Revenue"
          testId="chart-revenue"
          metric="sales"
          options={{ series: ['revenueHomeMinor', 'revenueMinor'] }}
          kind="line"
          query={query}
          emptyHint="No sale in this range."
        />
        <AnalyticsTimeChart
          title="Orders"
          testId="chart-orders"
          metric="sales"
          options={{ series: ['orders'], sumCurrencies: true }}
          kind="bar"
          query={query}
          emptyHint="No sale in this range."
        />
        <AnalyticsTimeChart
          title="Refunds"
          testId="chart-refunds"
          metric="refunds"
          options={{ series: ['refunds'], sumCurrencies: true }}
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
    </Stack>
  );
}

export function WebsiteSection({ query }: { query: AnalyticsQuery }) {
  return (
    <Stack gap="lg">
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
      <AnalyticsImportPanel />
    </Stack>
  );
}

export function UpdatesSection({ query }: { query: AnalyticsQuery }) {
  return (
    <Stack gap="lg">
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
    </Stack>
  );
}
