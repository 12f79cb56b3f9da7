import type { RouterOutputs } from '@keydesk/api';
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { LabeledValue } from '../../components/ui/labeled-value.tsx';
import { formatCountry, formatDate, formatDateTime } from '../../lib/format.ts';
import { suppressionLook } from '../../lib/statuses.ts';

type Story = RouterOutputs['customer']['get'];

export function CustomerProfileCard({
  profile,
  newsletter,
  suppressions,
}: Pick<Story, 'profile' | 'newsletter' | 'suppressions'>) {
  const suppressionOf = new Map(suppressions.map((s) => [s.email, s]));
  const address = [
    profile.addressLine1,
    profile.addressLine2,
    [profile.postalCode, profile.city].filter(Boolean).join(' '),
    profile.region,
    profile.country ? formatCountry(profile.country) : null,
  ].filter((line): line is string => Boolean(line));
  return (
    <Card>
      <Title order={2} size="h4" mb="sm">
        Profile
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <LabeledValue label="Email addresses">
          <Stack gap={2}>
            {profile.emails.map((email) => (
              <Group gap={6} key={email.id} wrap="nowrap">
                <Text size="sm" component="a" href={`mailto:${email.email}`} data-testid="customer-email">
                  {email.email}
                </Text>
                {email.isPrimary ? (
                  <Badge size="xs" variant="light">
                    Primary
                  </Badge>
                ) : null}
                <SuppressionBadge suppression={suppressionOf.get(email.email.toLowerCase())} />
              </Group>
            ))}
          </Stack>
        </LabeledValue>
        <LabeledValue label="Company">{profile.company ?? '—'}</LabeledValue>
        <LabeledValue label="Country">{profile.country ? formatCountry(profile.country) : '—'}</LabeledValue>
        <LabeledValue label="Postal address">
          {address.length > 0 ? address.map((line) => <div key={line}>{line}</div>) : '—'}
        </LabeledValue>
        {profile.phone ? <LabeledValue label="Phone">{profile.phone}</LabeledValue> : null}
        <LabeledValue label="First seen">{formatDate(profile.firstSeenAt)}</LabeledValue>
        <LabeledValue label="Last seen">{formatDateTime(profile.lastSeenAt)}</LabeledValue>
        <LabeledValue label="Newsletter">
          {newsletter.length === 0
            ? 'Never subscribed'
            : newsletter.map((entry) => (
                <div key={entry.email}>
                  {entry.status === 'subscribed' ? 'Subscribed' : 'Unsubscribed'}
                  {entry.status === 'subscribed' && entry.subscribedAt
                    ? ` since ${formatDate(entry.subscribedAt)}`
                    : ''}
                  {entry.status !== 'subscribed' && entry.unsubscribedAt
                    ? ` on ${formatDate(entry.unsubscribedAt)}`
                    : ''}
                  {newsletter.length > 1 ? ` (${entry.email})` : ''}
                </div>
              ))}
        </LabeledValue>
      </SimpleGrid>
    </Card>
  );
}

function SuppressionBadge({ suppression }: { suppression: Story['suppressions'][number] | undefined }) {
  if (!suppression) return null;
  const look = suppressionLook(suppression.reason);
  return (
    <Badge
      size="xs"
      variant="light"
      color={look.color}
      title={`${look.title}, ${formatDate(suppression.at)}`}
    >
      {look.label}
    </Badge>
  );
}
