import type { RouterOutputs } from '@keydesk/api';
import { type Column, ColumnTable } from '../../components/ui/column-table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { describeAuditAction } from '../settings/audit-sentences.ts';

type AuditEntry = RouterOutputs['customer']['get']['audit'][number];

const COLUMNS: Column<AuditEntry>[] = [
  { header: 'When', cell: (entry) => formatDateTime(entry.at) },
  { header: 'Who', cell: (entry) => entry.actor },
  { header: 'What', cell: describeAuditAction, cellProps: (entry) => ({ title: entry.action }) },
];

export function CustomerAuditList({ entries }: { entries: AuditEntry[] }) {
  return (
    <ColumnTable
      label="Audit entries"
      columns={COLUMNS}
      rows={entries}
      empty={{
        title: 'No audit entries',
        description: 'Changes and resends about this customer are recorded here.',
      }}
      tableProps={{ verticalSpacing: 4, fz: 'sm' }}
    />
  );
}
