import { Anchor, Badge, Card, Grid, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/ui/page-header.tsx';
import { QueryError, SkeletonRows } from '../components/ui/query-state.tsx';
import { ConversationLinkPanel } from '../features/conversations/conversation-link-panel.tsx';
import { ConversationStatusAction } from '../features/conversations/conversation-status-action.tsx';
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
    <Stack gap="lg">
      <Anchor component={Link} to="/conversations" size="sm">
        ← Conversations
      </Anchor>
      <PageHeader
        title={data ? `Chat with ${data.visitorName ?? data.visitorEmail ?? 'a visitor'}` : 'Chat'}
        description={
          data ? `${formatDateTime(data.startedAt)} · ${data.visitorEmail ?? 'no email given'}` : undefined
        }
        actions={
          data ? (
            <ConversationStatusAction kind="chat" id={data.id} isAwaitingReply={data.isAwaitingReply} />
          ) : undefined
        }
      />
      {chat.error ? <QueryError error={chat.error} onRetry={() => void chat.refetch()} /> : null}
      {chat.isPending ? <SkeletonRows rows={6} height={48} /> : null}
      {data ? (
        <Grid>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="xs" component="ol" className="conversation-messages" aria-label="Messages">
              {data.messages.map((m) => (
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
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <ConversationLinkPanel kind="chat" id={data.id} customer={data.customer} />
          </Grid.Col>
        </Grid>
      ) : null}
    </Stack>
  );
}
