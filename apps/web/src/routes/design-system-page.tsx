import { Stack } from '@mantine/core';
import { PageHeader } from '../components/ui/page-header.tsx';
import { DesignSystemFormDemo } from '../features/design-system/design-system-form-demo.tsx';
import { DesignSystemTableDemo } from '../features/design-system/design-system-table-demo.tsx';

/** The UI kit at /design: every shared component in each of its states, on made-up data. */
export function DesignSystemPage() {
  return (
    <Stack gap="lg">
      <PageHeader
        title="UI kit"
        description="Shared components on made-up data, for building and checking pages. Nothing here is saved."
      />
      <DesignSystemTableDemo />
      <DesignSystemFormDemo />
    </Stack>
  );
}
