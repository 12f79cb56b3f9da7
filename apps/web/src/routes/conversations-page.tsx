import { Card } from '@mantine/core';
import { PageHeader } from '../components/ui/page-header.tsx';
import { EmptyState } from '../components/ui/query-state.tsx';

/** Not built yet: says what it will hold rather than pretending to work. */
export function ConversationsPage() {
  return (
    <>
      <PageHeader title="Conversations" />
      <Card>
        <EmptyState title="Coming soon">
          Chat transcripts from tawk.to and support email threads from Gmail, searchable and linked to
          customers.
        </EmptyState>
      </Card>
    </>
  );
}
