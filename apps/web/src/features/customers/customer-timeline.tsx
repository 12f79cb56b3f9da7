import type { RouterOutputs } from '@keydesk/api';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconKey, IconMail, IconMessageCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/query-state.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { OUTBOX_STATUS } from '../../lib/statuses.ts';

type Entry = RouterOutputs['customer']['get']['timeline'][number];

const ICONS = { chat: IconMessageCircle, email: IconMail, resend: IconKey } as const;

export function CustomerTimeline({ entries }: { entries: Entry[] }) {
  if (entries.length === 0) {
    return (
      <EmptyState title="No conversations yet">
        Chats, email threads and key resends for this customer appear here.
      </EmptyState>
    );
  }
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {entries.map((entry) => {
        const Icon = ICONS[entry.type];
        return (
          <li key={`${entry.type}-${entry.id}`}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Icon size={18} aria-hidden="true" />
              <Stack gap={0} style={{ minWidth: 0 }}>
                {entry.type === 'resend' ? (
                  <ResendHeading entry={entry} />
                ) : (
                  <ConversationHeading entry={entry} />
                )}
                {entry.snippet ? (
                  <Text size="sm" lineClamp={2}>
                    {entry.snippet}
                  </Text>
                ) : null}
              </Stack>
            </Group>
          </li>
        );
      })}
    </Stack>
  );
}

function ConversationHeading({ entry }: { entry: Extract<Entry, { type: 'chat' | 'email' }> }) {
  return (
    <>
      <Group gap={6}>
        <Anchor component={Link} to={`/conversations/${entry.type}/${entry.id}`} size="sm" fw={600}>
          {entry.type === 'chat' ? 'Chat' : 'Email'}: {entry.title}
        </Anchor>
        {entry.isAwaitingReply ? (
          <Badge size="xs" color="orange" variant="light">
            Awaiting reply
          </Badge>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        {formatDateTime(entry.at)} · {entry.messageCount} {entry.messageCount === 1 ? 'message' : 'messages'}
      </Text>
    </>
  );
}

function ResendHeading({ entry }: { entry: Extract<Entry, { type: 'resend' }> }) {
  return (
    <>
      <Group gap={6}>
        <Anchor component={Link} to={`/licenses/${entry.licenseId}`} size="sm" fw={600}>
          {entry.title}
        </Anchor>
        <StatusBadge vocabulary={OUTBOX_STATUS} status={entry.status} />
      </Group>
      <Text size="xs" c="dimmed">
        {formatDateTime(entry.at)}
      </Text>
    </>
  );
}
