import { createBrowserRouter } from 'react-router';
import { AppShellLayout } from './components/layout/app-shell-layout.tsx';
import { RouteErrorBoundary, withRouteErrorBoundaries } from './components/ui/route-error-boundary.tsx';

// Every page is its own chunk: the sign-in page and the Overview ship only what they draw.
export const router = createBrowserRouter([
  { path: '/login', lazy: () => import('./routes/login-page.tsx').then((m) => ({ Component: m.LoginPage })) },
  { path: '/setup', lazy: () => import('./routes/setup-page.tsx').then((m) => ({ Component: m.SetupPage })) },
  {
    path: '/',
    Component: AppShellLayout,
    ErrorBoundary: RouteErrorBoundary,
    // Each page gets its own boundary: a failing page keeps the shell and its navigation.
    children: withRouteErrorBoundaries([
      {
        index: true,
        lazy: () => import('./routes/overview-page.tsx').then((m) => ({ Component: m.OverviewPage })),
      },
      {
        path: 'customers',
        lazy: () => import('./routes/customers-page.tsx').then((m) => ({ Component: m.CustomersPage })),
      },
      {
        path: 'conversations',
        lazy: () =>
          import('./routes/conversations-page.tsx').then((m) => ({ Component: m.ConversationsPage })),
      },
      {
        path: 'analytics',
        lazy: () => import('./routes/analytics-page.tsx').then((m) => ({ Component: m.AnalyticsPage })),
      },
      {
        path: 'settings',
        lazy: () => import('./routes/settings-page.tsx').then((m) => ({ Component: m.SettingsPage })),
      },
      {
        path: 'design',
        lazy: () =>
          import('./routes/design-system-page.tsx').then((m) => ({ Component: m.DesignSystemPage })),
      },
      {
        path: '*',
        lazy: () => import('./routes/not-found-page.tsx').then((m) => ({ Component: m.NotFoundPage })),
      },
    ]),
  },
]);
