import { createBrowserRouter } from 'react-router';
import { AppShellLayout } from './components/layout/app-shell-layout.tsx';
import { RouteErrorBoundary } from './components/ui/route-error-boundary.tsx';

// Every page is its own chunk: the sign-in page and the Overview ship only what they draw.
export const router = createBrowserRouter([
  { path: '/login', lazy: () => import('./routes/login-page.tsx').then((m) => ({ Component: m.LoginPage })) },
  { path: '/setup', lazy: () => import('./routes/setup-page.tsx').then((m) => ({ Component: m.SetupPage })) },
  {
    path: '/',
    Component: AppShellLayout,
    ErrorBoundary: RouteErrorBoundary,
    children: [
      {
        index: true,
        lazy: () => import('./routes/overview-page.tsx').then((m) => ({ Component: m.OverviewPage })),
      },
      {
        path: 'customers',
        lazy: () => import('./routes/customers-page.tsx').then((m) => ({ Component: m.CustomersPage })),
      },
      {
        path: 'customers/:customerId/privacy',
        lazy: () =>
          import('./routes/customer-privacy-page.tsx').then((m) => ({ Component: m.CustomerPrivacyPage })),
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
        path: '*',
        lazy: () => import('./routes/not-found-page.tsx').then((m) => ({ Component: m.NotFoundPage })),
      },
    ],
  },
]);
