// The Analytics page's three sections, one per question the owner asks: how sales go, who visits
// the website, and what the installed program reports. Each draws only when its tab is open.
import { SimpleGrid, Stack } from '@mantine/core';
import type { ComponentProps, ReactNode } from 'react';
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
const PRODUCTS_CHART: Breakdown = {
  title: 'Products and editions',
  testId: 'chart-products',
  dimension: 'sales.product',
  kind: 'bar',
  valueLabel: 'Revenue',
  secondaryLabel: 'Orders',
  emptyHint: NO_SALE,
};
const SUPPORT_CHART: TimeChart = {
  title: 'Newsletter sign-ups, chats and emails',
  testId: 'chart-support',
  metric: 'support',
  kind: 'line',
  emptyHint: 'No sign-up, chat or email in this range.',
};

const TRAFFIC_CHART: TimeChart = {
  title: 'Page views and visitors',
  testId: 'chart-traffic',
  metric: 'web.traffic',
  kind: 'line',
  emptyHint: NO_LOGS,
};
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
const BOTS_CHART: TimeChart = {
  title: 'Bot requests',
  testId: 'chart-bots',
  metric: 'web.bots',
  kind: 'bar',
  emptyHint: NO_LOGS,
};
const BOT_NAMES_CHART: Breakdown = {
  title: 'Bots',
  testId: 'chart-bot-names',
  dimension: 'web.bot',
  kind: 'bar',
  valueLabel: 'Requests',
  emptyHint: NO_LOGS,
};
const DOWNLOADS_CHART: TimeChart = {
  title: 'Downloads',
  testId: 'chart-downloads',
  metric: 'downloads',
  kind: 'bar',
  emptyHint: 'Downloads are counted from access logs under the download paths set in Settings.',
};
const DOWNLOADED_FILES_CHART: Breakdown = {
  title: 'Downloaded files',
  testId: 'chart-files',
  dimension: 'downloads.file',
  kind: 'bar',
  valueLabel: 'Downloads',
  emptyHint: 'No download in this range.',
};

const UPDATE_CHECKS_CHART: TimeChart = {
  title: 'Update checks',
  testId: 'chart-update-checks',
  metric: 'updateChecks',
  kind: 'line',
  emptyHint: 'The program reports to /collect/update-check; nothing arrived in this range.',
};
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

/** Charts two abreast on a wide screen: those over time first, then the breakdowns, then the rest. */
function AnalyticsChartGrid(props: {
  query: AnalyticsQuery;
  timeCharts?: TimeChart[];
  breakdowns?: Breakdown[];
  children?: ReactNode;
}) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      {props.timeCharts?.map((chart) => (
        <AnalyticsTimeChart key={chart.testId} {...chart} query={props.query} />
      ))}
      {props.breakdowns?.map((chart) => (
        <AnalyticsBreakdown key={chart.testId} {...chart} query={props.query} />
      ))}
      {props.children}
    </SimpleGrid>
  );
}

export function SalesSection({ query }: { query: AnalyticsQuery }) {
  return (
    <Stack gap="lg">
      <AnalyticsHomeCurrency />
      <AnalyticsChartGrid query={query} timeCharts={SALES_CHARTS} breakdowns={[PRODUCTS_CHART]} />
      <AnalyticsTimeChart {...SUPPORT_CHART} query={query} />
    </Stack>
  );
}

export function WebsiteSection({ query }: { query: AnalyticsQuery }) {
  return (
    <Stack gap="lg">
      <AnalyticsTimeChart {...TRAFFIC_CHART} query={query} />
      <AnalyticsChartGrid query={query} breakdowns={WEBSITE_BREAKDOWNS} />
      <AnalyticsChartGrid query={query} timeCharts={[BOTS_CHART]} breakdowns={[BOT_NAMES_CHART]} />
      <AnalyticsChartGrid
        query={query}
        timeCharts={[DOWNLOADS_CHART]}
        breakdowns={[DOWNLOADED_FILES_CHART]}
      />
      <AnalyticsImportPanel />
    </Stack>
  );
}

export function UpdatesSection({ query }: { query: AnalyticsQuery }) {
  return (
    <Stack gap="lg">
      <AnalyticsTimeChart {...UPDATE_CHECKS_CHART} query={query} />
      <AnalyticsChartGrid query={query} breakdowns={UPDATE_BREAKDOWNS}>
        <AnalyticsAbuseList />
      </AnalyticsChartGrid>
    </Stack>
  );
}
