import { Card } from '@mantine/core';
import { PageHeader } from '../components/ui/page-header.tsx';
import { EmptyState } from '../components/ui/query-state.tsx';

/** Not built yet: says what it will hold rather than pretending to work. */
export function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" />
      <Card>
        <EmptyState title="Coming soon">
          Account security, sessions, the audit log, reseller and mail credentials, templates and scheduled
          jobs.
        </EmptyState>
      </Card>
    </>
  );
}
