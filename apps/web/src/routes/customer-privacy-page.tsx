import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { PageHeader } from '../components/ui/page-header.tsx';
import { QueryError, SkeletonRows } from '../components/ui/query-state.tsx';
import { CustomerPrivacyActions } from '../features/privacy/customer-privacy-actions.tsx';
import { formatCount } from '../lib/format.ts';
import { useTRPC } from '../lib/trpc.ts';

const HELD_LABELS: Record<string, string> = {
  orders: 'Orders',
  licenses: 'Licenses',
  chats: 'Chats',
  emailThreads: 'Email threads',
  notes: 'Notes',
  newsletter: 'Newsletter entries',
  resends: 'Key resends',
};

/** A customer's privacy requests: what is held, export, erase. */
export function CustomerPrivacyPage() {
  const trpc = useTRPC();
  const customerId = Number(useParams().customerId);
  const summary = useQuery(trpc.privacy.get.queryOptions({ customerId }, { enabled: customerId > 0 }));
  const data = summary.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={data ? `Privacy: ${data.customer.name}` : 'Privacy'}
        description="Export everything held about this customer, or erase them."
      />
      {summary.error ? <QueryError error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      {summary.isPending ? <SkeletonRows rows={3} /> : null}
      {data ? (
        <>
          <Card>
            <Text size="sm" mb="sm">
              {data.customer.emails.join(', ')}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {Object.entries(data.held).map(([key, value]) => (
                <div key={key}>
                  <Text size="xs" c="dimmed">
                    {HELD_LABELS[key] ?? key}
                  </Text>
                  <Text className="num" ta="left" fw={600}>
                    {formatCount(value)}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          </Card>
          <CustomerPrivacyActions customerId={data.customer.id} email={data.customer.emails[0] ?? ''} />
        </>
      ) : null}
    </Stack>
  );
}
