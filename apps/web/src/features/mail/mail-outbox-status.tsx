import type { RouterOutputs } from '@keydesk/api';
import { Badge, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClock, IconSend } from '@tabler/icons-react';
import { formatDateTime } from '../../lib/format.ts';
import { OUTBOX_STATUS } from '../../lib/statuses.ts';

type OutboxState = Pick<
  RouterOutputs['mail']['outbox']['find']['items'][number],
  'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'serverResponse' | 'messageId'
>;

// Words and colours are the app's one outbox vocabulary; this view adds an icon to each.
const ICON = { queued: IconClock, sending: IconSend, sent: IconCheck, failed: IconAlertTriangle } as const;

/** Status as a word and an icon (never colour alone), with what the owner needs to know about it. */
export function MailOutboxStatus({ outbox }: { outbox: OutboxState }) {
  const { label, color } = OUTBOX_STATUS[outbox.status];
  const Icon = ICON[outbox.status];
  return (
    <Stack gap={2}>
      <Badge variant="light" color={color} leftSection={<Icon size={12} aria-hidden />} w="fit-content">
        {label}
      </Badge>
      {outbox.status === 'sent' ? (
        <>
          <Text size="xs" c="dimmed" className="mono" style={{ wordBreak: 'break-all' }}>
            Message-ID {outbox.messageId}
          </Text>
          {outbox.serverResponse ? (
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
              Server: {outbox.serverResponse}
            </Text>
          ) : null}
        </>
      ) : null}
      {outbox.status === 'failed' ? (
        <Text size="xs" c="red.8" style={{ wordBreak: 'break-word' }}>
          {outbox.lastError ?? 'No reason was recorded.'}
        </Text>
      ) : null}
      {outbox.status === 'queued' && outbox.lastError ? (
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
          Attempt {outbox.attempts} failed: {outbox.lastError}. Next try{' '}
          {formatDateTime(outbox.nextAttemptAt)}.
        </Text>
      ) : null}
    </Stack>
  );
}
