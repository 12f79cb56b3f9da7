import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { isRouteErrorResponse, Link, type RouteObject, useRevalidator, useRouteError } from 'react-router';
import { PageLoadError } from '../../lib/chunk-recovery.ts';

// A page whose code cannot be fetched (a new deploy replaced its chunk) needs a reload, not a retry.
function isStaleChunk(error: unknown): boolean {
  return (
    error instanceof TypeError && /dynamically imported module|Importing a module script/i.test(error.message)
  );
}

/** Shown when a page throws while rendering: the shell and navigation keep working. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  return error instanceof PageLoadError ? <PageLoadErrorView /> : <RouteErrorView error={error} />;
}

/** The page's code did not arrive (a dropped connection): Retry runs the route's loader again. */
function PageLoadErrorView() {
  const revalidator = useRevalidator();
  return (
    <RouteErrorFrame
      title="This page could not be loaded"
      message="Part of Keydesk did not download. Check the connection, then try again."
      action={
        <Button
          variant="light"
          onClick={() => void revalidator.revalidate()}
          loading={revalidator.state === 'loading'}
        >
          Retry
        </Button>
      }
    />
  );
}

function RouteErrorView({ error }: { error: unknown }) {
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : isStaleChunk(error)
      ? 'Keydesk was updated since this tab opened. Reload to get the new version.'
      : error instanceof Error
        ? error.message
        : 'Unknown error';
  return (
    <RouteErrorFrame
      title="This page failed to load"
      message={message}
      action={
        <Button variant="light" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      }
    />
  );
}

/** Either failure says what happened, offers its one way out, and a way back to the Overview. */
function RouteErrorFrame({ title, message, action }: { title: string; message: string; action: ReactNode }) {
  return (
    <Stack p="md" maw={640}>
      <Alert color="red" title={title} role="alert">
        <Text size="sm">{message}</Text>
      </Alert>
      <Group gap="sm">
        {action}
        <Button variant="default" component={Link} to="/">
          Go to the Overview
        </Button>
      </Group>
    </Stack>
  );
}

/** Gives every route its own error boundary, so a page that throws while rendering keeps the shell. */
export function withRouteErrorBoundaries(routes: RouteObject[]): RouteObject[] {
  return routes.map((route) => {
    const children = route.children ? withRouteErrorBoundaries(route.children) : undefined;
    const withBoundary =
      route.ErrorBoundary || route.errorElement ? route : { ...route, ErrorBoundary: RouteErrorBoundary };
    return (children ? { ...withBoundary, children } : withBoundary) as RouteObject;
  });
}
