import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppShellLayout } from './components/layout/app-shell-layout.tsx';
import { RouteErrorBoundary, withRouteErrorBoundaries } from './components/ui/route-error-boundary.tsx';
import { withRetryablePages } from './lib/page-route.tsx';
import { queryClient, setSignedOutHandler, trpcOptions } from './lib/trpc.ts';

// Every page is its own chunk: the sign-in page and the Overview ship only what they draw.
const routes: RouteObject[] = [
  { path: '/login', lazy: () => import('./routes/login-page.tsx').then((m) => ({ Component: m.LoginPage })) },
  { path: '/setup', lazy: () => import('./routes/setup-page.tsx').then((m) => ({ Component: m.SetupPage })) },
  {
    path: '/',
    Component: AppShellLayout,
    ErrorBoundary: RouteErrorBoundary,
    // The session check and the Overview's figures start with the router, beside the page's code,
    // not after that code has loaded and rendered. The server preloads this exact batch from the
    // page at `/` (apps/api/src/http/first-screen.ts; the overview e2e checks they still match).
    loader: () => {
      void queryClient.prefetchQuery(trpcOptions.auth.status.queryOptions());
      return null;
    },
    // Each page gets its own boundary: a failing page keeps the shell and its navigation.
    children: withRouteErrorBoundaries([
      {
        index: true,
        loader: () => {
          void queryClient.prefetchQuery(trpcOptions.overview.get.queryOptions());
          return null;
        },
        lazy: () => import('./routes/overview-page.tsx').then((m) => ({ Component: m.OverviewPage })),
      },
      {
        path: 'customers',
        lazy: () => import('./routes/customers-page.tsx').then((m) => ({ Component: m.CustomersPage })),
      },
      {
        path: 'customers/:id',
        lazy: () => import('./routes/customer-page.tsx').then((m) => ({ Component: m.CustomerPage })),
      },
      {
        path: 'licenses',
        lazy: () =>
          import('./routes/license-lookup-page.tsx').then((m) => ({ Component: m.LicenseLookupPage })),
      },
      {
        path: 'licenses/:id',
        lazy: () => import('./routes/license-page.tsx').then((m) => ({ Component: m.LicensePage })),
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
        path: 'conversations/chat/:id',
        lazy: () =>
          import('./routes/conversation-chat-page.tsx').then((m) => ({ Component: m.ConversationChatPage })),
      },
      {
        path: 'conversations/email/:id',
        lazy: () =>
          import('./routes/conversation-thread-page.tsx').then((m) => ({
            Component: m.ConversationThreadPage,
          })),
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
];

// Pages load in loaders so a failed download can be retried; /login and /setup get a boundary too.
export const router = createBrowserRouter(withRetryablePages(withRouteErrorBoundaries(routes)));

setSignedOutHandler(() => {
  const here = window.location.pathname;
  if (here !== '/login' && here !== '/setup') {
    void router.navigate(`/login?next=${encodeURIComponent(here + window.location.search)}`);
  }
});
