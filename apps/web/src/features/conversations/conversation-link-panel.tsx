import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/query-state.tsx';
import { formatPlural } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';

type Props = {
  kind: 'chat' | 'email';
  id: number;
  customer: { id: number; name: string } | null;
};

/** Shows the linked customer, or lets the owner link one by search or create one. */
export function ConversationLinkPanel({ kind, id, customer }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const lookup = useQuery({
    ...trpc.conversation.customerLookup.queryOptions({ search: debounced, limit: 10 }),
    enabled: debounced.length > 0,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.conversation.pathKey() });
  const link = useMutation(
    trpc.conversation.link.mutationOptions({
      onSuccess: () => {
        notifications.show({ message: 'Linked to the customer.' });
        void refresh();
      },
      onError: (error) => notifications.show({ color: 'red', message: error.message }),
    }),
  );
  const create = useMutation(
    trpc.conversation.createCustomerFromConversation.mutationOptions({
      onSuccess: (result) => {
        const others = result.linked.chats + result.linked.threads;
        notifications.show({
          message: `Customer created${others > 0 ? `; ${formatPlural(others, { one: 'more conversation', other: 'more conversations' })} linked` : ''}.`,
        });
        void refresh();
      },
      onError: (error) => notifications.show({ color: 'red', message: error.message }),
    }),
  );

  if (customer) {
    return (
      <Card withBorder>
        <Text size="sm" c="dimmed">
          Customer
        </Text>
        <Text fw={600}>{customer.name}</Text>
        <Text size="sm" component={Link} to={`/customers?id=${customer.id}`}>
          Open customer
        </Text>
      </Card>
    );
  }
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h5">
          Not linked to a customer
        </Title>
        <TextInput
          label="Find a customer by email or name"
          value={search}
          maxLength={200}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        {lookup.data?.map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                {c.name}
              </Text>
              <Text size="xs" c="dimmed">
                {c.emails.map((e) => e.email).join(', ')}
              </Text>
            </Stack>
            <Button
              size="xs"
              loading={link.isPending}
              onClick={() => link.mutate({ kind, id, customerId: c.id })}
            >
              Link
            </Button>
          </Group>
        ))}
        {debounced && lookup.data?.length === 0 ? <EmptyState title="No customer matches" /> : null}
        <Button variant="default" loading={create.isPending} onClick={() => create.mutate({ kind, id })}>
          Create customer from this conversation
        </Button>
      </Stack>
    </Card>
  );
}
