import { Button, FileButton, Group, Progress, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatCount, formatPlural } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';

const MAX_BYTES = 20 * 1024 * 1024;

/** Upload of an exported tawk.to transcript file (JSON). */
export function ConversationChatImport() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reading, setReading] = useState(0);
  const mutation = useMutation(
    trpc.conversation.importChats.mutationOptions({
      onSuccess: (r) => {
        notifications.show({
          color: r.problems.length > 0 ? 'orange' : 'teal',
          message:
            r.problems.length > 0
              ? r.problems[0]?.reason
              : `Imported ${formatPlural(r.created, { one: 'new chat', other: 'new chats' })}; ${formatCount(r.updated)} updated, ${formatCount(r.skipped)} already there.`,
        });
        void queryClient.invalidateQueries({ queryKey: trpc.conversation.pathKey() });
      },
      onError: (error) => notifications.show({ color: 'red', message: error.message }),
      onSettled: () => setReading(0),
    }),
  );
  const upload = (file: File | null) => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      notifications.show({
        color: 'red',
        message: 'The file is larger than 20 MB; use npm run import -- chats FILE.',
      });
      return;
    }
    const reader = new FileReader();
    reader.onprogress = (e) => setReading(e.lengthComputable ? Math.round((50 * e.loaded) / e.total) : 10);
    reader.onload = () => {
      setReading(60);
      mutation.mutate({ fileName: file.name, content: String(reader.result) });
    };
    reader.readAsText(file);
  };
  return (
    <Group gap="xs">
      <FileButton onChange={upload} accept="application/json,.json">
        {(props) => (
          <Button
            {...props}
            variant="default"
            leftSection={<IconUpload size={16} aria-hidden />}
            loading={mutation.isPending}
          >
            Import chats (JSON)
          </Button>
        )}
      </FileButton>
      {reading > 0 ? (
        <Group gap={6} miw={160}>
          <Progress value={reading} w={120} aria-label="Import progress" animated />
          <Text size="xs" c="dimmed">
            {reading < 60 ? 'Reading…' : 'Importing…'}
          </Text>
        </Group>
      ) : null}
    </Group>
  );
}
