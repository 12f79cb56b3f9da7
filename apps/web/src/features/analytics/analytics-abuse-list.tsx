// License keys that checked for updates from many networks within the retention window.
import { Card, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { EmptyState, QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';

export function AnalyticsAbuseList() {
  const trpc = useTRPC();
  const result = useQuery(trpc.analytics.possibleAbuse.queryOptions({ minNetworks: 3, limit: 25 }));
  const data = result.data;
  return (
    <Card component="section" aria-label="Possible license abuse" data-testid="analytics-abuse">
      <Title order={3} size="h5">
        Possible license abuse
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        License keys whose update checks came from 3 or more networks (/24 or /48) in the last{' '}
        {data ? data.retentionDays : '…'} days. A shared key, or a customer who travels.
      </Text>
      {result.error ? (
        <QueryError error={result.error} onRetry={() => void result.refetch()} />
      ) : !data ? (
        <SkeletonRows rows={3} />
      ) : data.rows.length === 0 ? (
        <EmptyState title="No key stands out">
          Keys appear here when the program checks for updates with one key from many networks.
        </EmptyState>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">License key</Table.Th>
              <Table.Th scope="col" className="num">
                Networks
              </Table.Th>
              <Table.Th scope="col" className="num">
                Checks
              </Table.Th>
              <Table.Th scope="col">Last seen</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((row) => (
              <Table.Tr key={row.licenseKey}>
                <Table.Th scope="row" ff="monospace" fw={400}>
                  {row.licenseKey}
                </Table.Th>
                <Table.Td className="num">{formatCount(row.networks)}</Table.Td>
                <Table.Td className="num">{formatCount(row.checks)}</Table.Td>
                <Table.Td>{formatDateTime(row.lastSeenMs)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
