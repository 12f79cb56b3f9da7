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

/** The three cards sit side by side, so they share one look. */
function SummaryCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** The license, its customer and its order, side by side. */
export function LicenseSummary({ license }: { license: LicenseDetail }) {
  const { customer, order } = license;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <SummaryCard title="License">
        <Stack gap="xs">
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
        </Stack>
      </SummaryCard>
      <SummaryCard title="Customer">
        {customer ? (
          <Stack gap="xs">
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
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No customer is linked (erased, or the key was issued by hand).
          </Text>
        )}
      </SummaryCard>
      <SummaryCard title="Order">
        {order ? (
          <Stack gap="xs">
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
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No order is linked to this license.
          </Text>
        )}
      </SummaryCard>
    </SimpleGrid>
  );
}
