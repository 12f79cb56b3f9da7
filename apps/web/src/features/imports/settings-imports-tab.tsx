import { Button, Card, FileInput, Group, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState, QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ImportsRunProgress } from './imports-run-progress.tsx';

const KINDS = [
  { value: 'orders:paypro', label: 'Orders — PayPro Global export' },
  { value: 'orders:avangate', label: 'Orders — Avangate export' },
  { value: 'newsletter:', label: 'Newsletter list' },
];

// The one fetch outside tRPC: the file is streamed to a plain route (see import-upload-route.ts),
// because a tRPC call would hold a file of millions of rows in memory.
async function uploadCsv(file: File, kindAndVariant: string): Promise<number> {
  const [kind, reseller] = kindAndVariant.split(':');
  const query = new URLSearchParams({ kind: kind ?? '', ...(reseller ? { reseller } : {}) });
  const res = await fetch(`/imports/upload?${query}`, {
    method: 'POST',
    body: file,
    headers: { 'content-type': 'text/csv' },
  });
  const body = (await res.json()) as { importRunId?: number; error?: string };
  if (!res.ok || body.importRunId === undefined)
    throw new Error(body.error ?? `Upload failed (${res.status}).`);
  return body.importRunId;
}

/** Settings → Imports: upload a reseller export or a mailing list, watch it go in, see past runs. */
export function SettingsImportsTab() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<string | null>('orders:paypro');
  const [isUploading, setIsUploading] = useState(false);
  const [activeRunId, setActiveRunId] = useState<number | null>(null);
  const runs = useQuery(trpc.importRun.find.queryOptions({ limit: 20 }));

  const start = async () => {
    if (!file || !kind) return;
    setIsUploading(true);
    try {
      setActiveRunId(await uploadCsv(file, kind));
      void queryClient.invalidateQueries(trpc.importRun.find.pathFilter());
    } catch (error) {
      notifications.show({ color: 'red', title: 'Import not started', message: (error as Error).message });
    } finally {
      setIsUploading(false);
    }
  };

  return (
    <Stack>
      <Card>
        <Stack>
          <Group align="end">
            <Select
              label="What is the file?"
              data={KINDS}
              value={kind}
              onChange={setKind}
              allowDeselect={false}
            />
            <FileInput
              label="CSV file"
              placeholder="Choose a .csv file"
              accept=".csv,text/csv"
              value={file}
              onChange={setFile}
              clearable
              miw={240}
            />
            <Button
              leftSection={<IconUpload size={16} aria-hidden />}
              onClick={() => void start()}
              loading={isUploading}
              disabled={!file || !kind}
            >
              Import
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            Columns are found by their header names in any order. Importing the same file again changes
            nothing; an interrupted import continues where it stopped. From a terminal: npm run import --
            orders FILE --reseller paypro.
          </Text>
          {activeRunId !== null ? <ImportsRunProgress runId={activeRunId} /> : null}
        </Stack>
      </Card>
      <Card>
        {runs.isPending ? (
          <SkeletonRows />
        ) : runs.isError ? (
          <QueryError error={runs.error} onRetry={() => void runs.refetch()} />
        ) : runs.data.items.length === 0 ? (
          <EmptyState title="No imports yet">
            Choose a reseller export above to load your order history.
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Started</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th className="num">Created</Table.Th>
                  <Table.Th className="num">Updated</Table.Th>
                  <Table.Th className="num">Skipped</Table.Th>
                  <Table.Th className="num">Rejected</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.data.items.map((run) => (
                  <Table.Tr key={run.id}>
                    <Table.Td>{formatDateTime(run.startedAt)}</Table.Td>
                    <Table.Td>
                      {run.kind} {run.source.split(' ')[0]}
                    </Table.Td>
                    <Table.Td>{run.status}</Table.Td>
                    <Table.Td className="num">{formatCount(run.created)}</Table.Td>
                    <Table.Td className="num">{formatCount(run.updated)}</Table.Td>
                    <Table.Td className="num">{formatCount(run.skipped)}</Table.Td>
                    <Table.Td className="num">{formatCount(run.rejected)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
