import type { RouterOutputs } from '@keydesk/api';
import { Anchor, Badge, Card, Grid, Group, List, Stack, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/ui/page-header.tsx';
import { QueryError, SkeletonRows } from '../components/ui/query-state.tsx';
import { ConversationLinkPanel } from '../features/conversations/conversation-link-panel.tsx';
import {
  ConversationEmailHtml,
  ConversationPlainText,
} from '../features/conversations/conversation-message-body.tsx';
import { ConversationParseProblems } from '../features/conversations/conversation-parse-problems.tsx';
import { ConversationStatusAction } from '../features/conversations/conversation-status-action.tsx';
import { formatCount, formatDateTime, formatPlural } from '../lib/format.ts';
import { useTRPC } from '../lib/trpc.ts';

type Message = RouterOutputs['conversation']['getThread']['messages'][number];

export function ConversationThreadPage() {
  const id = Number(useParams().id);
  const trpc = useTRPC();
  const thread = useQuery(trpc.conversation.getThread.queryOptions({ id }));
  const data = thread.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/conversations" size="sm">
        ← Conversations
      </Anchor>
      <PageHeader
        title={data ? data.subject || '(no subject)' : 'Email thread'}
        description={
          data
            ? `${formatPlural(data.messageCount, { one: 'message', other: 'messages' })} · ${data.participants.join(', ')}`
            : undefined
        }
        actions={
          data ? (
            <ConversationStatusAction kind="email" id={data.id} isAwaitingReply={data.isAwaitingReply} />
          ) : undefined
        }
      />
      {thread.error ? <QueryError error={thread.error} onRetry={() => void thread.refetch()} /> : null}
      {thread.isPending ? <SkeletonRows rows={6} height={48} /> : null}
      {data ? (
        <Grid>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="sm" component="ol" className="conversation-messages" aria-label="Messages">
              {data.messages.map((m) => (
                <ThreadMessage key={m.id} message={m} />
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <ConversationLinkPanel kind="email" id={data.id} customer={data.customer} />
          </Grid.Col>
        </Grid>
      ) : null}
    </Stack>
  );
}

function ThreadMessage({ message: m }: { message: Message }) {
  const listed = m.attachments.filter((a) => !a.isInline || !m.htmlBody);
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={0}>
          <Group gap={6}>
            <Text fw={600}>{m.fromName || m.fromAddress || 'Unknown sender'}</Text>
            <Badge size="xs" variant="light" color={m.isInbound ? 'blue' : 'teal'}>
              {m.isInbound ? 'Received' : 'Sent'}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {m.fromAddress} → {m.toAddresses.join(', ')}
            {m.ccAddresses.length > 0 ? ` · cc ${m.ccAddresses.join(', ')}` : ''}
          </Text>
        </Stack>
        <Text size="xs" c="dimmed">
          {m.sentAt ? formatDateTime(m.sentAt) : 'Date unknown'}
        </Text>
      </Group>
      {m.parseProblems.length > 0 ? <ConversationParseProblems problems={m.parseProblems} /> : null}
      <div className="conversation-message-body">
        {m.htmlBody ? (
          <ConversationEmailHtml html={m.htmlBody} label={`Message from ${m.fromAddress ?? 'unknown'}`} />
        ) : (
          <ConversationPlainText text={m.textBody ?? ''} />
        )}
      </div>
      {listed.length > 0 ? (
        <List size="sm" mt="xs" icon={<IconPaperclip size={14} aria-hidden />} aria-label="Attachments">
          {listed.map((a) => (
            <List.Item key={a.id}>
              {a.isStored ? (
                <Anchor href={`/attachments/${a.id}`} download={a.filename ?? undefined}>
                  {a.filename ?? 'attachment'}
                </Anchor>
              ) : (
                <Text span>{a.filename ?? 'attachment'} (not stored: over the size limit)</Text>
              )}{' '}
              <Text span size="xs" c="dimmed">
                {a.contentType} · <span className="num">{formatCount(a.size)}</span> bytes
              </Text>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Card>
  );
}
