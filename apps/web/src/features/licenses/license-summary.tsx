import type { RouterOutputs } from '@keydesk/api';
import {
  ActionIcon,
  Anchor,
  Badge,
  Card,
  CopyButton,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconEye, IconEyeOff } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../lib/format.ts';

type LicenseDetail = RouterOutputs['licenseResend']['get']['license'];

const STATUS_COLORS: Record<string, string> = { active: 'teal', revoked: 'red', expired: 'gray' };
const ORDER_STATUS_COLORS: Record<string, string> = {
  completed: 'teal',
  refunded: 'orange',
  partially_refunded: 'yellow',
  charged_back: 'red',
  canceled: 'gray',
  pending: 'blue',
};

function maskKey(key: string): string {
  return key.replace(/[A-Za-z0-9]/g, (ch, index: number) => (index >= key.length - 5 ? ch : '•'));
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function LicenseKeyField({ licenseKey }: { licenseKey: string }) {
  const [isRevealed, setRevealed] = useState(false);
  return (
    <Group gap={4} wrap="nowrap">
      <Text className="mono" size="sm" data-testid="license-key">
        {isRevealed ? licenseKey : maskKey(licenseKey)}
      </Text>
      <Tooltip label={isRevealed ? 'Hide key' : 'Show key'}>
        <ActionIcon
          variant="subtle"
          aria-label={isRevealed ? 'Hide key' : 'Show key'}
          aria-pressed={isRevealed}
          onClick={() => setRevealed((v) => !v)}
        >
          {isRevealed ? <IconEyeOff size={16} aria-hidden /> : <IconEye size={16} aria-hidden />}
        </ActionIcon>
      </Tooltip>
      <CopyButton value={licenseKey}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy key'}>
            <ActionIcon variant="subtle" aria-label="Copy key" onClick={copy}>
              {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/** The license, its customer and its order, side by side. */
export function LicenseSummary({ license }: { license: LicenseDetail }) {
  const { customer, order } = license;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <Card>
        <Title order={2} size="h5" mb="sm">
          License
        </Title>
        <Stack gap="xs">
          <Field label="Key">
            <LicenseKeyField licenseKey={license.key} />
          </Field>
          <Field label="Product">
            {license.product} {license.edition} · version {license.majorVersion} ·{' '}
            {license.seats === 1 ? '1 seat' : `${license.seats} seats`}
          </Field>
          <Field label="Status">
            <Badge variant="light" color={STATUS_COLORS[license.status] ?? 'gray'}>
              {license.status}
            </Badge>
          </Field>
          <Field label="Issued">{formatDate(license.issuedAt)}</Field>
        </Stack>
      </Card>
      <Card>
        <Title order={2} size="h5" mb="sm">
          Customer
        </Title>
        {customer ? (
          <Stack gap="xs">
            <Field label="Name">
              <Anchor component={Link} to={`/customers/${customer.id}`} size="sm">
                {customer.name}
              </Anchor>
            </Field>
            <Field label={customer.emails.length === 1 ? 'Email' : 'Emails'}>
              {customer.emails.map((e) => (
                <div key={e.email}>
                  {e.email}
                  {e.isPrimary && customer.emails.length > 1 ? ' (primary)' : ''}
                </div>
              ))}
            </Field>
            {customer.company ? <Field label="Company">{customer.company}</Field> : null}
            {customer.country ? <Field label="Country">{customer.country}</Field> : null}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No customer is linked (erased, or the key was issued by hand).
          </Text>
        )}
      </Card>
      <Card>
        <Title order={2} size="h5" mb="sm">
          Order
        </Title>
        {order ? (
          <Stack gap="xs">
            <Field label="Order id">
              <span className="mono">{order.resellerOrderId}</span> ({order.reseller})
            </Field>
            <Field label="Date">{formatDate(order.purchasedAt)}</Field>
            <Field label="Amount">
              <span className="num">{formatMoney(order.amountMinor, order.currency)}</span>
            </Field>
            <Field label="Status">
              <Badge variant="light" color={ORDER_STATUS_COLORS[order.status] ?? 'gray'}>
                {order.status.replace('_', ' ')}
              </Badge>
            </Field>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No order is linked to this license.
          </Text>
        )}
      </Card>
    </SimpleGrid>
  );
}
