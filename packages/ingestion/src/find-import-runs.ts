import type { Db, Prisma } from '@keydesk/db';
import type { CsvRejection } from './csv-import-runner.ts';

export const importRunSummarySelect = {
  id: true,
  kind: true,
  source: true,
  status: true,
  bytesDone: true,
  bytesTotal: true,
  itemsDone: true,
  created: true,
  updated: true,
  skipped: true,
  rejected: true,
  errors: true,
  startedAt: true,
  finishedAt: true,
} satisfies Prisma.ImportRunSelect;

type ImportRunRow = Prisma.ImportRunGetPayload<{ select: typeof importRunSummarySelect }>;

function toSummary(row: ImportRunRow) {
  return { ...row, errors: row.errors ? (JSON.parse(row.errors) as CsvRejection[]) : [] };
}

export async function getImportRun(options: { db: Db; id: number }) {
  const row = await options.db.prisma.importRun.findUnique({
    select: importRunSummarySelect,
    where: { id: options.id },
  });
  return row ? toSummary(row) : null;
}

export async function findImportRuns(options: { db: Db; limit: number; cursor?: number | null }) {
  const rows = await options.db.prisma.importRun.findMany({
    select: importRunSummarySelect,
    where: options.cursor ? { id: { lt: options.cursor } } : {},
    orderBy: { id: 'desc' },
    take: options.limit + 1,
  });
  const page = rows.slice(0, options.limit);
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
