import { Button, Card, Group, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../components/ui/page-header.tsx';
import { ConversationChatImport } from '../features/conversations/conversation-chat-import.tsx';
import { ConversationFilters, DEFAULT_FILTERS } from '../features/conversations/conversation-filters.tsx';
import { ConversationList } from '../features/conversations/conversation-list.tsx';
import { formatPlural } from '../lib/format.ts';
import { useTRPC } from '../lib/trpc.ts';

export function ConversationsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState(DEFAULT_FILTERS);
  const [debouncedSearch] = useDebouncedValue(filters.search, 250);
  const sync = useMutation(
    trpc.conversation.syncMailbox.mutationOptions({
      onSuccess: (r) => {
        const created = r.folders.reduce((sum, f) => sum + f.created, 0);
        const refused = r.folders.flatMap((f) =>
          f.problems.map((p) => `${f.folder} UID ${p.uid}: ${p.reason}`),
        );
        notifications.show({
          color: refused.length > 0 ? 'orange' : undefined,
          message: `Mailbox synced: ${formatPlural(created, { one: 'new message', other: 'new messages' })}.${refused.length > 0 ? ` Refused: ${refused.join('; ')}` : ''}`,
        });
        void queryClient.invalidateQueries({ queryKey: trpc.conversation.pathKey() });
      },
      onError: (error) => notifications.show({ color: 'red', message: error.message }),
    }),
  );
  return (
    <Stack gap="lg">
      <PageHeader
        title="Conversations"
        description="Chats and support email, newest first."
        actions={
          <Group gap="xs">
            <ConversationChatImport />
            <Button
              leftSection={<IconRefresh size={16} aria-hidden />}
              loading={sync.isPending}
              onClick={() => sync.mutate()}
            >
              Sync mailbox
            </Button>
          </Group>
        }
      />
      <Card>
        <ConversationFilters value={filters} onChange={setFilters} />
      </Card>
      <ConversationList filters={{ ...filters, search: debouncedSearch }} />
    </Stack>
  );
}
