import { Alert, Button, Stack, Text } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Shown when a page throws while rendering: the rest of the app keeps working. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <Stack p="xl" maw={640}>
      <Alert color="red" title="This page failed to load" role="alert">
        <Text size="sm">{message}</Text>
      </Alert>
      <Button variant="light" w="fit-content" onClick={() => window.location.reload()}>
        Reload the page
      </Button>
    </Stack>
  );
}
