import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppShellLayout } from './components/layout/app-shell-layout.tsx';
import { RouteErrorBoundary, withRouteErrorBoundaries } from './components/ui/route-error-boundary.tsx';
import { lazyPage, withRetryablePages } from './lib/page-route.tsx';
import { queryClient, setSignedOutHandler, trpcOptions } from './lib/trpc.ts';
import { OverviewPage } from './routes/overview-page.tsx';

// Every page but the Overview is its own chunk, loaded on first visit. The Overview, the first screen
// after sign-in, is part of the entry: as a lazy chunk, Rollup split it into a dozen files of about
// 1 KB that a fresh browser fetched in waves over six connections (paired cold loads, median of
// three runs: 1,008 → 931 ms, bench/web.bench.ts), for 3 KB more (gzip) on the sign-in page.
const routes: RouteObject[] = [
  {
    path: '/login',
    lazy: lazyPage(
      () => import('./routes/login-page.tsx'),
      (m) => m.LoginPage,
    ),
  },
  {
    path: '/setup',
    lazy: lazyPage(
      () => import('./routes/setup-page.tsx'),
      (m) => m.SetupPage,
    ),
  },
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
        Component: OverviewPage,
      },
      {
        path: 'customers',
        lazy: lazyPage(
          () => import('./routes/customers-page.tsx'),
          (m) => m.CustomersPage,
        ),
      },
      {
        path: 'customers/:id',
        lazy: lazyPage(
          () => import('./routes/customer-page.tsx'),
          (m) => m.CustomerPage,
        ),
      },
      {
        path: 'licenses',
        lazy: lazyPage(
          () => import('./routes/license-lookup-page.tsx'),
          (m) => m.LicenseLookupPage,
        ),
      },
      {
        path: 'licenses/:id',
        lazy: lazyPage(
          () => import('./routes/license-page.tsx'),
          (m) => m.LicensePage,
        ),
      },
      {
        path: 'customers/:customerId/privacy',
        lazy: lazyPage(
          () => import('./routes/customer-privacy-page.tsx'),
          (m) => m.CustomerPrivacyPage,
        ),
      },
      {
        path: 'conversations',
        lazy: lazyPage(
          () => import('./routes/conversations-page.tsx'),
          (m) => m.ConversationsPage,
        ),
      },
      {
        path: 'conversations/chat/:id',
        lazy: lazyPage(
          () => import('./routes/conversation-chat-page.tsx'),
          (m) => m.ConversationChatPage,
        ),
      },
      {
        path: 'conversations/email/:id',
        lazy: lazyPage(
          () => import('./routes/conversation-thread-page.tsx'),
          (m) => m.ConversationThreadPage,
        ),
      },
      {
        path: 'analytics',
        lazy: lazyPage(
          () => import('./routes/analytics-page.tsx'),
          (m) => m.AnalyticsPage,
        ),
      },
      {
        path: 'announcements',
        lazy: lazyPage(
          () => import('./routes/announcements-page.tsx'),
          (m) => m.AnnouncementsPage,
        ),
      },
      {
        path: 'settings',
        lazy: lazyPage(
          () => import('./routes/settings-page.tsx'),
          (m) => m.SettingsPage,
        ),
      },
      {
        path: 'design',
        lazy: lazyPage(
          () => import('./routes/design-system-page.tsx'),
          (m) => m.DesignSystemPage,
        ),
      },
      {
        path: '*',
        lazy: lazyPage(
          () => import('./routes/not-found-page.tsx'),
          (m) => m.NotFoundPage,
        ),
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
