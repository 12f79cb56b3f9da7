import { Button, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../components/ui/query-state.tsx';

export function NotFoundPage() {
  return (
    <Stack align="center">
      <EmptyState title="There is no page here">
        The address may be mistyped, or the item was removed.
      </EmptyState>
      <Button component={Link} to="/" variant="light">
        Back to the Overview
      </Button>
    </Stack>
  );
}
