import type { RouterOutputs } from '@keydesk/api';
import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LabeledValue } from '../../components/ui/labeled-value.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { formatCountry, formatDate, formatMoney } from '../../lib/format.ts';
import { LICENSE_STATUS, ORDER_STATUS, resellerLabel } from '../../lib/statuses.ts';
import { LicenseKeyReveal } from './license-key-reveal.tsx';

type LicenseDetail = RouterOutputs['licenseResend']['get']['license'];

type LinkedCustomer = NonNullable<LicenseDetail['customer']>;
type LinkedOrder = NonNullable<LicenseDetail['order']>;

/**
 * The three cards sit side by side, so they share one look: the facts in a column, or, when the
 * license has nothing linked there, a dimmed sentence saying why.
 */
function SummaryCard({ title, missing, children }: { title: string; missing?: string; children: ReactNode }) {
  return (
    <Card>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children ? (
        <Stack gap="xs">{children}</Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {missing}
        </Text>
      )}
    </Card>
  );
}

function LicenseFacts({ license }: { license: LicenseDetail }) {
  return (
    <>
      <LabeledValue label="Key">
        <LicenseKeyReveal licenseKey={license.key} />
      </LabeledValue>
      <LabeledValue label="Product">
        {license.product} {license.edition} · version {license.majorVersion} ·{' '}
        {license.seats === 1 ? '1 seat' : `${license.seats} seats`}
      </LabeledValue>
      <LabeledValue label="Status">
        <StatusBadge vocabulary={LICENSE_STATUS} status={license.status} />
      </LabeledValue>
      <LabeledValue label="Issued">{formatDate(license.issuedAt)}</LabeledValue>
    </>
  );
}

function CustomerFacts({ customer }: { customer: LinkedCustomer }) {
  return (
    <>
      <LabeledValue label="Name">
        <Anchor component={Link} to={`/customers/${customer.id}`} size="sm">
          {customer.name}
        </Anchor>
      </LabeledValue>
      <LabeledValue label={customer.emails.length === 1 ? 'Email' : 'Emails'}>
        {customer.emails.map((e) => (
          <div key={e.email}>
            {e.email}
            {e.isPrimary && customer.emails.length > 1 ? ' (primary)' : ''}
          </div>
        ))}
      </LabeledValue>
      {customer.company ? <LabeledValue label="Company">{customer.company}</LabeledValue> : null}
      {customer.country ? (
        <LabeledValue label="Country">{formatCountry(customer.country)}</LabeledValue>
      ) : null}
    </>
  );
}

function OrderFacts({ order }: { order: LinkedOrder }) {
  return (
    <>
      <LabeledValue label="Order id">
        <span className="mono">{order.resellerOrderId}</span> ({resellerLabel(order.reseller)})
      </LabeledValue>
      <LabeledValue label="Date">{formatDate(order.purchasedAt)}</LabeledValue>
      <LabeledValue label="Amount">
        <span className="num">{formatMoney(order.amountMinor, order.currency)}</span>
      </LabeledValue>
      <LabeledValue label="Status">
        <StatusBadge vocabulary={ORDER_STATUS} status={order.status} />
      </LabeledValue>
    </>
  );
}

/** The license, its customer and its order, side by side. */
export function LicenseSummary({ license }: { license: LicenseDetail }) {
  const { customer, order } = license;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <SummaryCard title="License">
        <LicenseFacts license={license} />
      </SummaryCard>
      <SummaryCard title="Customer" missing="No customer is linked (erased, or the key was issued by hand).">
        {customer ? <CustomerFacts customer={customer} /> : null}
      </SummaryCard>
      <SummaryCard title="Order" missing="No order is linked to this license.">
        {order ? <OrderFacts order={order} /> : null}
      </SummaryCard>
    </SimpleGrid>
  );
}
