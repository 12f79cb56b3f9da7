import { Card } from '@mantine/core';
import { PageHeader } from '../components/ui/page-header.tsx';
import { EmptyState } from '../components/ui/query-state.tsx';

/** Not built yet: says what it will hold rather than pretending to work. */
export function AnalyticsPage() {
  return (
    <>
      <PageHeader title="Analytics" />
      <Card>
        <EmptyState title="Coming soon">
          Aggregate charts of website visits, downloads, update checks and sales.
        </EmptyState>
      </Card>
    </>
  );
}
