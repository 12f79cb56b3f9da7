import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A page's tabs above their panels (`Tabs.Panel` children). Only the open panel is rendered, so a
 * tab's queries start when it is opened.
 */
export function PageTabs({
  tabs,
  value,
  onChange,
  children,
}: {
  tabs: readonly { value: string; label: string }[];
  value: string;
  onChange: (value: string | null) => void;
  children: ReactNode;
}) {
  return (
    <Tabs value={value} onChange={onChange} keepMounted={false}>
      <Tabs.List mb="lg">
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {children}
    </Tabs>
  );
}
