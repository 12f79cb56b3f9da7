import { Anchor, Grid, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { ConversationLinkPanel } from './conversation-link-panel.tsx';
import { ConversationStatusAction } from './conversation-status-action.tsx';

type Conversation = {
  id: number;
  isAwaitingReply: boolean;
  customer: { id: number; name: string } | null;
};

/**
 * What a chat page and an email thread page share: the way back, the header with the done/reopen
 * action, the load states, and the messages beside the linked-customer panel.
 */
export function ConversationPageFrame<TConversation extends Conversation>({
  kind,
  query,
  title,
  description,
  messages,
}: {
  kind: 'chat' | 'email';
  query: { data: TConversation | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  title: string;
  description: string | undefined;
  /** The `<li>` of each message, drawn once the conversation has loaded. */
  messages: (conversation: TConversation) => ReactNode;
}) {
  const data = query.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/conversations" size="sm">
        ← Conversations
      </Anchor>
      <PageHeader
        title={title}
        description={description}
        actions={
          data ? (
            <ConversationStatusAction kind={kind} id={data.id} isAwaitingReply={data.isAwaitingReply} />
          ) : undefined
        }
      />
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <SkeletonRows rows={6} height={48} /> : null}
      {data ? (
        <Grid>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack
              gap={kind === 'chat' ? 'xs' : 'sm'}
              component="ol"
              className="conversation-messages"
              aria-label="Messages"
            >
              {messages(data)}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <ConversationLinkPanel kind={kind} id={data.id} customer={data.customer} />
          </Grid.Col>
        </Grid>
      ) : null}
    </Stack>
  );
}
