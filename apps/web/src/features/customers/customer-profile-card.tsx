import type { RouterOutputs } from '@keydesk/api';
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { suppressionLook } from '../../lib/statuses.ts';

type Story = RouterOutputs['customer']['get'];

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

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
    profile.country,
  ].filter((line): line is string => Boolean(line));
  return (
    <Card>
      <Title order={2} size="h4" mb="sm">
        Profile
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <Field label="Email addresses">
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
        </Field>
        <Field label="Company">{profile.company ?? '—'}</Field>
        <Field label="Country">{profile.country ?? '—'}</Field>
        <Field label="Postal address">
          {address.length > 0 ? address.map((line) => <div key={line}>{line}</div>) : '—'}
        </Field>
        {profile.phone ? <Field label="Phone">{profile.phone}</Field> : null}
        <Field label="First seen">{formatDate(profile.firstSeenAt)}</Field>
        <Field label="Last seen">{formatDateTime(profile.lastSeenAt)}</Field>
        <Field label="Newsletter">
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
        </Field>
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
