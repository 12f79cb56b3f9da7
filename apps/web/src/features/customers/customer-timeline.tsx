import type { RouterOutputs } from '@keydesk/api';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconMail, IconMessageCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/query-state.tsx';
import { formatDateTime } from '../../lib/format.ts';

type Entry = RouterOutputs['customer']['get']['timeline'][number];

export function CustomerTimeline({ entries }: { entries: Entry[] }) {
  if (entries.length === 0) {
    return (
      <EmptyState title="No conversations yet">
        Chats and email threads with this customer appear here.
      </EmptyState>
    );
  }
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {entries.map((entry) => (
        <li key={`${entry.type}-${entry.id}`}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            {entry.type === 'chat' ? (
              <IconMessageCircle size={18} aria-hidden="true" />
            ) : (
              <IconMail size={18} aria-hidden="true" />
            )}
            <Stack gap={0} style={{ minWidth: 0 }}>
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
                {formatDateTime(entry.at)} · {entry.messageCount}{' '}
                {entry.messageCount === 1 ? 'message' : 'messages'}
              </Text>
              {entry.snippet ? (
                <Text size="sm" lineClamp={2}>
                  {entry.snippet}
                </Text>
              ) : null}
            </Stack>
          </Group>
        </li>
      ))}
    </Stack>
  );
}
