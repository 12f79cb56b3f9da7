import type { RouterOutputs } from '@keydesk/api';
import { Alert, Anchor, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { formatDate } from '../../lib/format.ts';
import { LICENSE_STATUS, UPGRADE_STATUS } from '../../lib/statuses.ts';
import { CustomerOrdersTable } from '../customers/customer-orders-table.tsx';
import { LicenseKeyReveal } from './license-key-reveal.tsx';

type Lookup = RouterOutputs['license']['lookup'];

const MISS_TITLE = {
  'bad-checksum': 'No such key: it has a typo',
  valid: 'No such key: well-formed, but never issued here',
  'not-keydesk-format': 'No such key',
} as const;

const MISS_TEXT = {
  'bad-checksum': 'Its check characters do not match, so at least one character was mistyped or misread.',
  valid: 'The check characters are right, so this is not a typo: no license with this key is on file.',
  'not-keydesk-format': 'It is not in Keydesk’s format and no reseller key like it is on file.',
} as const;

export function LicenseLookupResult({ result }: { result: Lookup }) {
  if (!result.found) {
    return (
      <Alert color="orange" title={MISS_TITLE[result.shape]} data-testid="license-lookup-miss">
        <Text size="sm">{MISS_TEXT[result.shape]}</Text>
        {result.closest.length > 0 ? (
          <>
            <Text size="sm" mt="sm" fw={600}>
              Closest keys on file
            </Text>
            <List size="sm">
              {result.closest.map((candidate) => (
                <List.Item key={candidate.licenseId}>
                  <Anchor
                    component={Link}
                    to={`/licenses?key=${encodeURIComponent(candidate.key)}`}
                    ff="monospace"
                  >
                    {candidate.key}
                  </Anchor>{' '}
                  ({candidate.distance} {candidate.distance === 1 ? 'character' : 'characters'} apart)
                  {candidate.customer ? ` · ${candidate.customer.name}` : ''}
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
      </Alert>
    );
  }
  const { license, customer, orders } = result;
  return (
    <Stack gap="md" data-testid="license-lookup-found">
      <Card>
        <Title order={2} size="h4" mb="sm">
          {license.product} {license.edition}, version {license.majorVersion}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={4}>
            <LicenseKeyReveal licenseKey={license.key} label={`${license.product} ${license.edition}`} />
            <Group gap="xs">
              <StatusBadge vocabulary={LICENSE_STATUS} status={license.status} />
              <StatusBadge
                vocabulary={UPGRADE_STATUS}
                status={license.upgrade.status}
                title={license.upgrade.reason}
              />
            </Group>
            <Text size="sm">
              {license.seats} {license.seats === 1 ? 'seat' : 'seats'} · issued {formatDate(license.issuedAt)}
            </Text>
            <Text size="xs" c="dimmed">
              {license.upgrade.reason}
            </Text>
            <Anchor component={Link} to={`/licenses/${license.id}?resend=1`} size="sm">
              Resend this key
            </Anchor>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Customer
            </Text>
            {customer ? (
              <>
                <Anchor component={Link} to={`/customers/${customer.id}`} fw={600}>
                  {customer.name}
                </Anchor>
                {customer.company ? <Text size="sm">{customer.company}</Text> : null}
                {customer.emails.map((email) => (
                  <Text size="sm" key={email.email}>
                    {email.email}
                  </Text>
                ))}
              </>
            ) : (
              <Text size="sm">No customer: their data was erased.</Text>
            )}
          </Stack>
        </SimpleGrid>
      </Card>
      <Card>
        <Title order={2} size="h4" mb="sm">
          Orders
        </Title>
        <CustomerOrdersTable orders={orders} />
      </Card>
    </Stack>
  );
}
