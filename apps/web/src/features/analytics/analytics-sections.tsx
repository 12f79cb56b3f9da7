// The Analytics page's three sections, one per question the owner asks: how sales go, who visits
// the website, and what the installed program reports. Each draws only when its tab is open.
import { SimpleGrid, Stack } from '@mantine/core';
import type { ComponentProps } from 'react';
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

// Each chart as a line of data; every chart on the page draws the page's one query.
type TimeChart = Omit<ComponentProps<typeof AnalyticsTimeChart>, 'query'>;
type Breakdown = Omit<ComponentProps<typeof AnalyticsBreakdown>, 'query'>;

const NO_SALE = 'No sale in this range.';
const SALES_CHARTS: TimeChart[] = [
  {
    title: 'Revenue',
    testId: 'chart-revenue',
    metric: 'sales',
    options: { series: ['revenueHomeMinor', 'revenueMinor'] },
    kind: 'line',
    emptyHint: NO_SALE,
  },
  {
    title: 'Orders',
    testId: 'chart-orders',
    metric: 'sales',
    options: { series: ['orders'], sumCurrencies: true },
    kind: 'bar',
    emptyHint: NO_SALE,
  },
  {
    title: 'Refunds',
    testId: 'chart-refunds',
    metric: 'refunds',
    options: { series: ['refunds'], sumCurrencies: true },
    kind: 'bar',
    emptyHint: 'No refund in this range.',
  },
];

const VISITS = { valueLabel: 'Page views', emptyHint: NO_LOGS } as const;
const WEBSITE_BREAKDOWNS: Breakdown[] = [
  {
    title: 'Countries',
    testId: 'chart-countries',
    dimension: 'web.country',
    kind: 'doughnut',
    ...VISITS,
    secondaryLabel: 'Visitors',
  },
  {
    title: 'Browsers',
    testId: 'chart-browsers',
    dimension: 'web.browser',
    kind: 'bar',
    ...VISITS,
    secondaryLabel: 'Visitors',
  },
  {
    title: 'Operating systems',
    testId: 'chart-os',
    dimension: 'web.os',
    kind: 'doughnut',
    ...VISITS,
    secondaryLabel: 'Visitors',
  },
  { title: 'Referrers', testId: 'chart-referrers', dimension: 'web.referrer', kind: 'bar', ...VISITS },
];

const CHECKS = { valueLabel: 'Checks', emptyHint: 'No update check in this range.' } as const;
const UPDATE_BREAKDOWNS: Breakdown[] = [
  {
    title: 'Program versions',
    testId: 'chart-app-versions',
    dimension: 'updates.appVersion',
    kind: 'bar',
    ...CHECKS,
  },
  {
    title: 'Operating system versions',
    testId: 'chart-os-versions',
    dimension: 'updates.osVersion',
    kind: 'doughnut',
    ...CHECKS,
  },
  { title: 'Languages', testId: 'chart-languages', dimension: 'updates.language', kind: 'bar', ...CHECKS },
];

export function SalesSection({ query }: { query: AnalyticsQuery }) {
  return (
    <Stack gap="lg">
      <AnalyticsHomeCurrency />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {SALES_CHARTS.map((chart) => (
          <AnalyticsTimeChart key={chart.testId} {...chart} query={query} />
        ))}
        <AnalyticsBreakdown
          title="Products and editions"
          testId="chart-products"
          dimension="sales.product"
          kind="bar"
          valueLabel="Revenue"
          secondaryLabel="Orders"
          query={query}
          emptyHint={NO_SALE}
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
        {WEBSITE_BREAKDOWNS.map((chart) => (
          <AnalyticsBreakdown key={chart.testId} {...chart} query={query} />
        ))}
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
        {UPDATE_BREAKDOWNS.map((chart) => (
          <AnalyticsBreakdown key={chart.testId} {...chart} query={query} />
        ))}
        <AnalyticsAbuseList />
      </SimpleGrid>
    </Stack>
  );
}
