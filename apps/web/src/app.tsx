import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { RouterProvider } from 'react-router';
import { queryClient, TRPCProvider, trpcClient } from './lib/trpc.ts';
import { router } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

// Toasts render from a store that works before this mounts, so their transitions load after the first screen.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

// No inline script is allowed by the CSP, so the colour scheme is restored from localStorage at mount.
const colorSchemeManager = localStorageColorSchemeManager({ key: 'keydesk-color-scheme' });

export function App() {
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
      cssVariablesResolver={cssVariablesResolver}
    >
      <Suspense fallback={null}>
        <Notifications position="bottom-right" />
      </Suspense>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <RouterProvider router={router} />
        </TRPCProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
