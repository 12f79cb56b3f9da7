import { z } from 'zod';
import { ZId } from '../id.schemas.ts';
import { pageOf, ZPageLimit } from '../page.schemas.ts';

export const ZImportRunSummary = z.object({
  id: z.number().int(),
  kind: z.string(),
  source: z.string(),
  status: z.string(),
  bytesDone: z.number().int(),
  bytesTotal: z.number().int().nullable(),
  itemsDone: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
});

export const ZImportRunGetOutput = ZImportRunSummary.nullable();

export const ZImportRunFindInput = z.object({
  limit: ZPageLimit,
  cursor: ZId.nullish(),
});
export const ZImportRunFindOutput = pageOf(ZImportRunSummary);
