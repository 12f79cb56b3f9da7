import type { RouterOutputs } from '@keydesk/api';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type Column, ColumnTable } from '../../components/ui/column-table.tsx';
import { CursorPager, useCursorPages } from '../../components/ui/cursor-pager.tsx';
import { QueryError } from '../../components/ui/query-state.tsx';
import { formatCount } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import type { AnnouncementAudience } from './announcement-rules-editor.tsx';

type Person = RouterOutputs['announcements']['audience']['items'][number];

const COLUMNS: Column<Person>[] = [
  { header: 'Address', cell: (r) => r.email },
  { header: 'Name', cell: (r) => r.name || '—' },
];

/** The count as the rules change, and who is in, a page at a time. */
export function AnnouncementAudiencePreview({
  audience,
  topic,
}: {
  audience: AnnouncementAudience;
  topic: 'updates' | 'newsletter';
}) {
  const trpc = useTRPC();
  const [debounced] = useDebouncedValue({ audience, topic }, 300);
  const [pages, dispatch] = useCursorPages<string>();
  const query = useQuery(
    trpc.announcements.audience.queryOptions(
      { ...debounced, cursor: pages.cursor ?? undefined, limit: 10 },
      { placeholderData: keepPreviousData },
    ),
  );
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm">Audience:</Text>
        <Badge size="lg" variant="light" data-testid="announcement-audience-count">
          {data ? `${formatCount(data.count)} ${data.count === 1 ? 'person' : 'people'}` : '…'}
        </Badge>
      </Group>
      {data && data.items.length > 0 ? (
        <ColumnTable
          label="People in the audience"
          minWidth={400}
          columns={COLUMNS}
          rows={data.items}
          getRowKey={(r) => r.email}
          empty={{ title: 'Nobody in the audience.' }}
        />
      ) : null}
      <CursorPager pages={pages} dispatch={dispatch} nextCursor={data?.nextCursor} />
    </Stack>
  );
}
