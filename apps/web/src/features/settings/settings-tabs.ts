import { lazy } from 'react';

// One entry per Settings tab: add a line here (and a component in features/<domain>/) to add a tab.
export const SETTINGS_TABS = [
  {
    value: 'security',
    label: 'Security',
    Component: lazy(() =>
      import('./settings-security-tab.tsx').then((m) => ({ default: m.SettingsSecurityTab })),
    ),
  },
  {
    value: 'sessions',
    label: 'Sessions',
    Component: lazy(() =>
      import('./settings-sessions-tab.tsx').then((m) => ({ default: m.SettingsSessionsTab })),
    ),
  },
  {
    value: 'credentials',
    label: 'Credentials',
    Component: lazy(() =>
      import('./settings-credentials-tab.tsx').then((m) => ({ default: m.SettingsCredentialsTab })),
    ),
  },
  {
    value: 'audit',
    label: 'Audit log',
    Component: lazy(() => import('./settings-audit-tab.tsx').then((m) => ({ default: m.SettingsAuditTab }))),
  },
] as const;
