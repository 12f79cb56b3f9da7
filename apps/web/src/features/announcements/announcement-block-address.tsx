import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { useTRPC } from '../../lib/trpc.ts';

/** Someone asked by phone or complained elsewhere: no announcement reaches the address again. */
export function AnnouncementBlockAddress() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const block = useMutation(
    trpc.announcements.suppress.mutationOptions({
      onSuccess: async () => {
        notifySuccess(`${email.trim()} gets no more announcements.`);
        setEmail('');
        await queryClient.invalidateQueries({ queryKey: trpc.announcements.pathKey() });
      },
      onError: (error) => notifyError(error, 'The address was not blocked'),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    block.mutate({ email: email.trim() });
  };
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          Block an address
        </Text>
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label="Address"
            type="email"
            value={email}
            maxLength={254}
            onChange={(e) => setEmail(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            type="submit"
            variant="default"
            loading={block.isPending}
            disabled={email.trim().length < 3}
          >
            Block
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
