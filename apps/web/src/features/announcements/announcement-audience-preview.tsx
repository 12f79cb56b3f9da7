import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryError } from '../../components/ui/query-state.tsx';
import { TableContainer } from '../../components/ui/table-container.tsx';
import { formatCount } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import type { AnnouncementAudience } from './announcement-rules-editor.tsx';

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
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const query = useQuery(
    trpc.announcements.audience.queryOptions(
      { ...debounced, cursor, limit: 10 },
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
        <TableContainer label="People in the audience" minWidth={400}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Address</Table.Th>
                <Table.Th>Name</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((r) => (
                <Table.Tr key={r.email}>
                  <Table.Td>{r.email}</Table.Td>
                  <Table.Td>{r.name || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableContainer>
      ) : null}
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          disabled={cursors.length === 0}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          Previous
        </Button>
        <Button
          size="xs"
          variant="default"
          disabled={!data?.nextCursor}
          onClick={() => data?.nextCursor && setCursors([...cursors, data.nextCursor])}
        >
          Next
        </Button>
      </Group>
    </Stack>
  );
}
