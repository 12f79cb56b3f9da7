import type { RouterOutputs } from '@keydesk/api';
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconMail, IconMessageCircle, IconPaperclip } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { NextPageButton } from '../../components/ui/next-page-button.tsx';
import { EmptyState, QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import type { ConversationFilterValues } from './conversation-filters.tsx';

type Item = RouterOutputs['conversation']['find']['items'][number];

function toInput(f: ConversationFilterValues) {
  const search = f.search.trim();
  return {
    kind: f.kind,
    linked: f.linked,
    hasAttachments: f.hasAttachments,
    onlyAwaitingReply: f.onlyAwaitingReply,
    search: search === '' ? null : search,
    from: f.from ? new Date(`${f.from}T00:00:00`) : null,
    // "To" includes the whole day.
    to: f.to ? new Date(new Date(`${f.to}T00:00:00`).getTime() + 86_400_000) : null,
    limit: 25,
  };
}

export function ConversationList({ filters }: { filters: ConversationFilterValues }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.conversation.find.infiniteQueryOptions(toInput(filters), {
      getNextPageParam: (last) => last.nextCursor,
    }),
  );
  if (query.isPending) return <SkeletonRows rows={6} height={56} />;
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0 && filters.onlyAwaitingReply && !filters.search.trim()) {
    return (
      <EmptyState title="Nothing waits for your reply">
        Every conversation here is answered or marked done.
      </EmptyState>
    );
  }
  if (items.length === 0) {
    return (
      <EmptyState title={filters.search.trim() ? 'No conversation matches' : 'No conversations yet'}>
        {filters.search.trim()
          ? 'Try fewer or other words, or clear the filters.'
          : 'Chats and tickets arrive from the tawk.to webhook; import a Gmail Takeout mbox with npm run import -- mbox FILE, sync the mailbox, or import exported chats above.'}
      </EmptyState>
    );
  }
  return (
    <Stack gap="xs">
      <ul className="conversation-list" aria-label="Conversations">
        {items.map((item) => (
          <ConversationRow key={`${item.kind}-${item.id}`} item={item} />
        ))}
      </ul>
      <NextPageButton query={query} variant="default" />
    </Stack>
  );
}

function ConversationRow({ item }: { item: Item }) {
  const href = item.kind === 'chat' ? `/conversations/chat/${item.id}` : `/conversations/email/${item.id}`;
  const Icon = item.kind === 'chat' ? IconMessageCircle : IconMail;
  return (
    <li>
      <Card withBorder padding="sm" component={Link} to={href} data-testid="conversation-row">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Icon size={18} aria-label={item.kind === 'chat' ? 'Chat' : 'Email thread'} />
            <Stack gap={2}>
              <Text fw={600} lineClamp={1}>
                {item.title || '(no subject)'}
              </Text>
              <Text size="sm" c="dimmed" lineClamp={2}>
                {item.snippet.map((s, i) =>
                  // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity
                  s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
                )}
              </Text>
            </Stack>
          </Group>
          <Stack gap={4} align="flex-end">
            <Text size="xs" c="dimmed">
              {formatDateTime(item.lastMessageAt)}
            </Text>
            <Group gap={4} wrap="nowrap">
              {item.hasAttachments ? <IconPaperclip size={14} aria-label="Has attachments" /> : null}
              <Badge variant="light" color="gray">
                <span className="num">{formatCount(item.messageCount)}</span> msg
              </Badge>
              {item.customer ? (
                <Badge variant="light">{item.customer.name}</Badge>
              ) : (
                <Badge variant="outline" color="gray">
                  Unlinked
                </Badge>
              )}
              {item.isAwaitingReply ? (
                <Badge color="red" variant="light">
                  Awaiting reply
                </Badge>
              ) : null}
            </Group>
          </Stack>
        </Group>
      </Card>
    </li>
  );
}
