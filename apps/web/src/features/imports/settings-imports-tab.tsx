import type { RouterOutputs } from '@keydesk/api';
import { Button, Card, FileInput, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Column, ColumnTable, toQueryTableProps } from '../../components/ui/column-table.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ImportsRunProgress } from './imports-run-progress.tsx';

const KINDS = [
  { value: 'orders:paypro', label: 'Orders — PayPro Global export' },
  { value: 'orders:avangate', label: 'Orders — Avangate export' },
  { value: 'newsletter:', label: 'Newsletter list' },
];

type ImportRun = RouterOutputs['importRun']['find']['items'][number];

const COLUMNS: Column<ImportRun>[] = [
  { header: 'Started', cell: (run) => formatDateTime(run.startedAt) },
  { header: 'Kind', cell: (run) => `${run.kind} ${run.source.split(' ')[0]}` },
  { header: 'Status', cell: (run) => run.status },
  { header: 'Created', isNumeric: true, cell: (run) => formatCount(run.created) },
  { header: 'Updated', isNumeric: true, cell: (run) => formatCount(run.updated) },
  { header: 'Skipped', isNumeric: true, cell: (run) => formatCount(run.skipped) },
  { header: 'Rejected', isNumeric: true, cell: (run) => formatCount(run.rejected) },
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
        <ColumnTable
          label="Past imports"
          minWidth={640}
          columns={COLUMNS}
          {...toQueryTableProps(runs, (data) => data.items)}
          empty={{
            title: 'No imports yet',
            description: 'Choose a reseller export above to load your order history.',
          }}
        />
      </Card>
    </Stack>
  );
}
