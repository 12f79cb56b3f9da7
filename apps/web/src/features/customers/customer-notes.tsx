import type { RouterOutputs } from '@keydesk/api';
import { Button, Group, Paper, Stack, Text, Textarea, type TextareaProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState } from '../../components/ui/query-state.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';

type Note = RouterOutputs['customer']['get']['notes'][number];

/** The server's bound on a note (MAX_NOTE_LENGTH in customer.schemas.ts), so typing stops there. */
const MAX_NOTE_LENGTH = 10_000;

/** A note's text, new or edited: grows with what is typed. */
function CustomerNoteInput(props: TextareaProps) {
  return <Textarea autosize minRows={2} maxLength={MAX_NOTE_LENGTH} {...props} />;
}

function useNoteMutations(customerId: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.customer.get.queryKey({ id: customerId }) });
  const onError = (error: { message: string }) =>
    notifications.show({ color: 'red', title: 'The note was not saved', message: error.message });
  return {
    add: useMutation(trpc.customer.addNote.mutationOptions({ onSuccess: refresh, onError })),
    update: useMutation(trpc.customer.updateNote.mutationOptions({ onSuccess: refresh, onError })),
    remove: useMutation(trpc.customer.deleteNote.mutationOptions({ onSuccess: refresh, onError })),
  };
}

function CustomerNoteItem({ note, customerId }: { note: Note; customerId: number }) {
  const { update, remove } = useNoteMutations(customerId);
  const [draft, setDraft] = useState<string | null>(null);
  if (draft !== null) {
    return (
      <Stack gap={6}>
        <CustomerNoteInput
          label="Edit note"
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
        />
        <Group gap="xs">
          <Button
            size="xs"
            loading={update.isPending}
            disabled={draft.trim() === ''}
            onClick={() =>
              update.mutate({ noteId: note.id, body: draft }, { onSuccess: () => setDraft(null) })
            }
          >
            Save
          </Button>
          <Button size="xs" variant="default" onClick={() => setDraft(null)}>
            Cancel
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Paper withBorder p="sm" data-testid="customer-note">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {note.body}
      </Text>
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed">
          {formatDateTime(note.createdAt)}
          {note.updatedAt.getTime() !== note.createdAt.getTime()
            ? ` · edited ${formatDateTime(note.updatedAt)}`
            : ''}
        </Text>
        <Group gap={4}>
          <Button size="compact-xs" variant="subtle" onClick={() => setDraft(note.body)}>
            Edit
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            loading={remove.isPending}
            onClick={() => remove.mutate({ noteId: note.id })}
          >
            Delete
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

export function CustomerNotes({ customerId, notes }: { customerId: number; notes: Note[] }) {
  const { add } = useNoteMutations(customerId);
  const [body, setBody] = useState('');
  return (
    <Stack gap="sm">
      <CustomerNoteInput
        label="New private note"
        description="Only you see notes. Card numbers are removed before saving."
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
      />
      <Group>
        <Button
          size="xs"
          loading={add.isPending}
          disabled={body.trim() === ''}
          onClick={() => add.mutate({ customerId, body }, { onSuccess: () => setBody('') })}
        >
          Add note
        </Button>
      </Group>
      {notes.length === 0 ? (
        <EmptyState title="No notes yet" />
      ) : (
        notes.map((note) => <CustomerNoteItem key={note.id} note={note} customerId={customerId} />)
      )}
    </Stack>
  );
}
