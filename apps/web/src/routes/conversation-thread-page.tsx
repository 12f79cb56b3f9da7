import type { RouterOutputs } from '@keydesk/api';
import { Anchor, Badge, Card, Group, List, Stack, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import {
  ConversationEmailHtml,
  ConversationPlainText,
} from '../features/conversations/conversation-message-body.tsx';
import { ConversationPageFrame } from '../features/conversations/conversation-page-frame.tsx';
import { ConversationParseProblems } from '../features/conversations/conversation-parse-problems.tsx';
import { formatCount, formatDateTime, formatPlural } from '../lib/format.ts';
import { useTRPC } from '../lib/trpc.ts';

type Message = RouterOutputs['conversation']['getThread']['messages'][number];

export function ConversationThreadPage() {
  const id = Number(useParams().id);
  const trpc = useTRPC();
  const thread = useQuery(trpc.conversation.getThread.queryOptions({ id }));
  const data = thread.data;
  return (
    <ConversationPageFrame
      kind="email"
      query={thread}
      title={data ? data.subject || '(no subject)' : 'Email thread'}
      description={
        data
          ? `${formatPlural(data.messageCount, { one: 'message', other: 'messages' })} · ${data.participants.join(', ')}`
          : undefined
      }
      messages={(loaded) => loaded.messages.map((m) => <ThreadMessage key={m.id} message={m} />)}
    />
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
