import { Badge, Card, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ConversationPageFrame } from '../features/conversations/conversation-page-frame.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useTRPC } from '../lib/trpc.ts';

const SENDER_LABEL: Record<string, string> = { visitor: 'Visitor', agent: 'Agent', system: 'System' };
const SENDER_COLOR: Record<string, string> = { visitor: 'blue', agent: 'teal', system: 'gray' };

export function ConversationChatPage() {
  const id = Number(useParams().id);
  const trpc = useTRPC();
  const chat = useQuery(trpc.conversation.getChat.queryOptions({ id }));
  const data = chat.data;
  return (
    <ConversationPageFrame
      kind="chat"
      query={chat}
      title={data ? `Chat with ${data.visitorName ?? data.visitorEmail ?? 'a visitor'}` : 'Chat'}
      description={
        data ? `${formatDateTime(data.startedAt)} · ${data.visitorEmail ?? 'no email given'}` : undefined
      }
      messages={(loaded) =>
        loaded.messages.map((m) => (
          <Card key={m.id} component="li" withBorder padding="sm">
            <Group justify="space-between">
              <Group gap={6}>
                <Badge color={SENDER_COLOR[m.senderType] ?? 'gray'} variant="light">
                  {SENDER_LABEL[m.senderType] ?? m.senderType}
                </Badge>
                <Text size="sm" fw={600}>
                  {m.senderName ?? ''}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {formatDateTime(m.sentAt)}
              </Text>
            </Group>
            <Text mt={4} className="conversation-plain-text">
              {m.text}
            </Text>
          </Card>
        ))
      }
    />
  );
}
