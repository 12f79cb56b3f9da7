import { Tabs } from '@mantine/core';
import { Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/ui/page-header.tsx';
import { PageTabs } from '../components/ui/page-tabs.tsx';
import { SkeletonRows } from '../components/ui/query-state.tsx';
import { SETTINGS_TABS } from '../features/settings/settings-tabs.ts';

/** Assembles the tabs; the open tab lives in the address (?tab=sessions) so it can be linked. */
export function SettingsPage() {
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active = SETTINGS_TABS.some((t) => t.value === requested)
    ? (requested as string)
    : SETTINGS_TABS[0].value;
  return (
    <>
      <PageHeader title="Settings" />
      <PageTabs
        tabs={SETTINGS_TABS}
        value={active}
        onChange={(tab) => tab && setParams({ tab }, { replace: true })}
      >
        {SETTINGS_TABS.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value}>
            <Suspense fallback={<SkeletonRows />}>
              <tab.Component />
            </Suspense>
          </Tabs.Panel>
        ))}
      </PageTabs>
    </>
  );
}
