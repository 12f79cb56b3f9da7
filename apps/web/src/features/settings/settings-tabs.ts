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
    value: 'mail',
    label: 'Mail & templates',
    Component: lazy(() =>
      import('./settings-templates-tab.tsx').then((m) => ({ default: m.SettingsTemplatesTab })),
    ),
  },
  {
    value: 'licenses',
    label: 'Licenses',
    Component: lazy(() =>
      import('./settings-upgrade-rule.tsx').then((m) => ({ default: m.SettingsUpgradeRule })),
    ),
  },
  {
    value: 'webhooks',
    label: 'Webhooks',
    Component: lazy(() =>
      import('./settings-webhooks-tab.tsx').then((m) => ({ default: m.SettingsWebhooksTab })),
    ),
  },
  {
    value: 'imports',
    label: 'Imports',
    Component: lazy(() =>
      import('../imports/settings-imports-tab.tsx').then((m) => ({ default: m.SettingsImportsTab })),
    ),
  },
  {
    value: 'jobs',
    label: 'Scheduled jobs',
    Component: lazy(() => import('./settings-jobs-tab.tsx').then((m) => ({ default: m.SettingsJobsTab }))),
  },
  {
    value: 'backups',
    label: 'Backups',
    Component: lazy(() =>
      import('./settings-backups-tab.tsx').then((m) => ({ default: m.SettingsBackupsTab })),
    ),
  },
  {
    value: 'audit',
    label: 'Audit log',
    Component: lazy(() => import('./settings-audit-tab.tsx').then((m) => ({ default: m.SettingsAuditTab }))),
  },
] as const;
