import { Badge, Button, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { useTRPC } from '../../lib/trpc.ts';

/**
 * Whether the conversation waits for the owner, and the one action that changes it: done when
 * nothing is left to answer, reopened when something is. A new message from the customer makes it
 * wait again by itself.
 */
export function ConversationStatusAction({
  kind,
  id,
  isAwaitingReply,
}: {
  kind: 'chat' | 'email';
  id: number;
  isAwaitingReply: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const change = useMutation(
    trpc.conversation.setAwaitingReply.mutationOptions({
      onSuccess: async (_result, input) => {
        notifySuccess(input.isAwaitingReply ? 'Reopened: it waits for your reply.' : 'Marked done.');
        // The list, this page and the Overview's "waiting for you" count all read the flag.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.conversation.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.overview.pathKey() }),
        ]);
      },
      onError: (error) => notifyError(error),
    }),
  );
  return (
    <Group gap="xs">
      <Badge variant="light" color={isAwaitingReply ? 'blue' : 'gray'}>
        {isAwaitingReply ? 'Waiting for your reply' : 'Done'}
      </Badge>
      <Button
        size="xs"
        variant={isAwaitingReply ? 'filled' : 'default'}
        loading={change.isPending}
        onClick={() => change.mutate({ kind, id, isAwaitingReply: !isAwaitingReply })}
      >
        {isAwaitingReply ? 'Mark as done' : 'Reopen'}
      </Button>
    </Group>
  );
}
