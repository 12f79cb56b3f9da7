import type { AppRouter } from '@keydesk/api';
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext, createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import superjson from 'superjson';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function isUnauthorized(error: unknown): boolean {
  return (
    error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === 'UNAUTHORIZED'
  );
}

/**
 * Whether asking again could answer differently: a dropped connection or a server error may pass,
 * while a 4xx (bad input, not found, not in the audience, signed out) would only keep the owner
 * waiting through the retries before the same message.
 */
export function isWorthRetrying(error: unknown): boolean {
  const status =
    error instanceof TRPCClientError
      ? (error.data as { httpStatus?: number } | undefined)?.httpStatus
      : undefined;
  return status === undefined || status >= 500;
}

/** Made once: when any query learns the session has ended, the app returns to the sign-in page. */
export function createQueryClient(onSignedOut: () => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError(error) {
        if (isUnauthorized(error)) onSignedOut();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (count, error) => isWorthRetrying(error) && count < 2,
        refetchOnWindowFocus: true,
      },
    },
  });
}

export function createTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: '/trpc', transformer: superjson, maxURLLength: 4000 })],
  });
}

let handleSignedOut: () => void = () => {};

/** Where to go when a query learns the session has ended (the router sets this; it cannot be imported here). */
export function setSignedOutHandler(handler: () => void): void {
  handleSignedOut = handler;
}

// Made once at module load rather than inside a component: route loaders start the first screen's
// requests with these while the page's code is still downloading.
export const queryClient = createQueryClient(() => handleSignedOut());
export const trpcClient = createTrpcClient();
/** The same query options as `useTRPC()`, for code outside React (route loaders). */
export const trpcOptions = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
