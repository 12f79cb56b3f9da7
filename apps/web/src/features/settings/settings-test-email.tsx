import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../lib/trpc.ts';

/**
 * "Send a test email": one email to the owner through the outbox and SMTP, followed until the
 * server answers; its reply (or its error) is shown word for word.
 */
export function SettingsTestEmail({ isConfigured }: { isConfigured: boolean }) {
  const trpc = useTRPC();
  const [outboxId, setOutboxId] = useState<number | null>(null);
  const send = useMutation(
    trpc.mail.sendTest.mutationOptions({ onSuccess: (result) => setOutboxId(result.outboxId) }),
  );
  const email = useQuery({
    ...trpc.mail.outbox.get.queryOptions({ id: outboxId ?? 0 }),
    enabled: outboxId !== null,
    // Follow the row until the server has answered: sent, failed, or an attempt's error.
    refetchInterval: (query) => {
      const row = query.state.data;
      return row && (row.status === 'sent' || row.status === 'failed' || row.lastError) ? false : 1_000;
    },
  });
  const row = email.data;
  const isWaiting =
    outboxId !== null && (!row || ((row.status === 'queued' || row.status === 'sending') && !row.lastError));

  return (
    <Stack gap="xs" data-testid="settings-test-email">
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconMailCheck size={16} aria-hidden />}
          loading={send.isPending}
          disabled={!isConfigured || isWaiting}
          onClick={() => {
            setOutboxId(null);
            send.mutate({ requestId: crypto.randomUUID() });
          }}
        >
          Send a test email
        </Button>
        <Text size="sm" c="dimmed">
          {isConfigured
            ? 'Goes to your own address, the way key emails go.'
            : 'Save the SMTP settings first.'}
        </Text>
      </Group>
      <div role="status" aria-live="polite">
        {send.error ? (
          <Alert color="red" title="The test email was not queued">
            {send.error.message}
          </Alert>
        ) : isWaiting ? (
          <Group gap="xs">
            <Loader size="xs" aria-hidden />
            <Text size="sm">Sending to {send.data?.toAddress}…</Text>
          </Group>
        ) : row?.status === 'sent' ? (
          <Alert color="teal" title={`Sent to ${row.toAddress}`}>
            The server replied: <code>{row.serverResponse ?? 'OK'}</code>
          </Alert>
        ) : row ? (
          <Alert
            color="red"
            title={row.status === 'failed' ? 'The server refused it' : 'Not sent yet: retrying'}
          >
            {row.lastError ?? 'No reason was given.'}
          </Alert>
        ) : null}
      </div>
    </Stack>
  );
}
