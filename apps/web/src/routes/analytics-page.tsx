import '@mantine/dates/styles.css';
import { Stack, Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/ui/page-header.tsx';
import { PageTabs } from '../components/ui/page-tabs.tsx';
import { AnalyticsFilters } from '../features/analytics/analytics-filters.tsx';
import { type AnalyticsQuery, parseQuery, querySearch } from '../features/analytics/analytics-query.ts';
import {
  ANALYTICS_SECTIONS,
  type AnalyticsSection,
  SalesSection,
  UpdatesSection,
  WebsiteSection,
} from '../features/analytics/analytics-sections.tsx';

// Range, granularity, compare and the open section live in the URL: a view can be bookmarked,
// survives a reload, and Back undoes the last change.
const liveSearchParams = () => new URLSearchParams(window.location.search);

export function AnalyticsPage() {
  const [params, setParams] = useSearchParams();
  const query = parseQuery(params);
  const section: AnalyticsSection =
    ANALYTICS_SECTIONS.find((s) => s.value === params.get('section'))?.value ?? 'sales';
  // Changes apply to the URL as it is now, not as this render saw it: navigations render in a
  // transition, so a second click can land before the first one's render, and react-router's
  // functional setParams would still hand it this render's params (undoing the first click).
  const setQuery = (change: Partial<AnalyticsQuery>) => {
    const current = liveSearchParams();
    setParams(querySearch({ ...parseQuery(current), ...change }, current));
  };
  const setSection = (next: string | null) => {
    const updated = liveSearchParams();
    if (!next || next === 'sales') updated.delete('section');
    else updated.set('section', next);
    setParams(updated);
  };
  return (
    <Stack gap="lg">
      <PageHeader
        title="Analytics"
        description="Aggregate counts only: no visitor's address or browser string is kept."
      />
      <AnalyticsFilters query={query} onChange={setQuery} />
      <PageTabs tabs={ANALYTICS_SECTIONS} value={section} onChange={setSection}>
        <Tabs.Panel value="sales">
          <SalesSection query={query} />
        </Tabs.Panel>
        <Tabs.Panel value="website">
          <WebsiteSection query={query} />
        </Tabs.Panel>
        <Tabs.Panel value="updates">
          <UpdatesSection query={query} />
        </Tabs.Panel>
      </PageTabs>
    </Stack>
  );
}
