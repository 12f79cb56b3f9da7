import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createQueryClient, createTrpcClient, TRPCProvider } from './lib/trpc.ts';
import { router } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

// No inline script is allowed by the CSP, so the colour scheme is restored from localStorage at mount.
const colorSchemeManager = localStorageColorSchemeManager({ key: 'keydesk-color-scheme' });

export function App() {
  const [queryClient] = useState(() =>
    createQueryClient(() => {
      const here = window.location.pathname;
      if (here !== '/login' && here !== '/setup') {
        void router.navigate(`/login?next=${encodeURIComponent(here + window.location.search)}`);
      }
    }),
  );
  const [trpcClient] = useState(createTrpcClient);
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
      cssVariablesResolver={cssVariablesResolver}
    >
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <RouterProvider router={router} />
        </TRPCProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
