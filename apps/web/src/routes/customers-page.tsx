import { Card } from '@mantine/core';
import { PageHeader } from '../components/ui/page-header.tsx';
import { EmptyState } from '../components/ui/query-state.tsx';

/** Not built yet: says what it will hold rather than pretending to work. */
export function CustomersPage() {
  return (
    <>
      <PageHeader title="Customers" />
      <Card>
        <EmptyState title="Coming soon">
          Search customers by email, name, license key or order id, and open a customer's whole story:
          licenses, orders, conversations and key resends.
        </EmptyState>
      </Card>
    </>
  );
}
