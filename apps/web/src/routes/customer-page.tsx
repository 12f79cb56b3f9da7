import { Anchor, Card, SimpleGrid, Skeleton, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/ui/page-header.tsx';
import { EmptyState, QueryError, SkeletonRows } from '../components/ui/query-state.tsx';
import { CustomerAuditList } from '../features/customers/customer-audit-list.tsx';
import { CustomerLicenseResend, useResendParam } from '../features/customers/customer-license-resend.tsx';
import { CustomerLicensesTable } from '../features/customers/customer-licenses-table.tsx';
import { CustomerNotes } from '../features/customers/customer-notes.tsx';
import { CustomerOrdersTable } from '../features/customers/customer-orders-table.tsx';
import { CustomerProfileCard } from '../features/customers/customer-profile-card.tsx';
import { CustomerResendsTable } from '../features/customers/customer-resends-table.tsx';
import { CustomerTimeline } from '../features/customers/customer-timeline.tsx';
import { CustomerPrivacyActions } from '../features/privacy/customer-privacy-actions.tsx';
import { useTRPC } from '../lib/trpc.ts';

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Card id={id} component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} size="h4" mb="sm" id={`${id}-title`}>
        {title}
      </Title>
      {children}
    </Card>
  );
}

export function CustomerPage() {
  const trpc = useTRPC();
  const id = Number(useParams().id);
  const isValidId = Number.isInteger(id) && id > 0;
  const customer = useQuery(trpc.customer.get.queryOptions({ id }, { enabled: isValidId }));
  const [resendLicenseId, setResendLicenseId] = useResendParam();
  const back = (
    <Anchor component={Link} to="/customers" size="sm">
      ← Back to search
    </Anchor>
  );

  if (!isValidId || (customer.error && customer.error.data?.code === 'NOT_FOUND')) {
    return (
      <Stack>
        {back}
        <PageHeader title="Customer not found" />
        <Card>
          <EmptyState title="No such customer">
            It may have been erased. Search again from the Customers page.
          </EmptyState>
        </Card>
      </Stack>
    );
  }
  if (customer.error) return <QueryError error={customer.error} onRetry={() => void customer.refetch()} />;
  const data = customer.data;
  if (!data) {
    return (
      <Stack aria-busy="true">
        {back}
        <Skeleton height={36} width={320} />
        <SkeletonRows rows={8} height={36} />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={data.profile.name}
        description={data.profile.company ?? data.profile.emails[0]?.email}
        actions={
          <CustomerPrivacyActions
            customerId={id}
            email={(data.profile.emails.find((e) => e.isPrimary) ?? data.profile.emails[0])?.email ?? ''}
          />
        }
      />
      <CustomerProfileCard
        profile={data.profile}
        newsletter={data.newsletter}
        suppressions={data.suppressions}
      />
      <Section title={`Licenses (${data.licenses.length})`} id="licenses">
        <CustomerLicensesTable licenses={data.licenses} onResend={setResendLicenseId} />
      </Section>
      <Section title={`Orders (${data.orders.length})`} id="orders">
        <CustomerOrdersTable orders={data.orders} />
      </Section>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Section title="Conversations" id="timeline">
          <CustomerTimeline entries={data.timeline} />
        </Section>
        <Section title="Notes" id="notes">
          <CustomerNotes customerId={data.profile.id} notes={data.notes} />
        </Section>
      </SimpleGrid>
      <Section title="Key resends" id="resends">
        <CustomerResendsTable resends={data.resends} />
      </Section>
      <Section title="Audit log" id="audit">
        <CustomerAuditList entries={data.audit} />
      </Section>
      {resendLicenseId !== null ? (
        <CustomerLicenseResend licenseId={resendLicenseId} onClose={() => setResendLicenseId(null)} />
      ) : null}
    </Stack>
  );
}
