import { z } from 'zod';
import { ZPageLimit } from '../page-limit.schemas.ts';

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

export const ZImportRunGetInput = z.object({ id: z.number().int().positive() });
export const ZImportRunGetOutput = ZImportRunSummary.nullable();

export const ZImportRunFindInput = z.object({
  limit: ZPageLimit,
  cursor: z.number().int().positive().nullish(),
});
export const ZImportRunFindOutput = z.object({
  items: z.array(ZImportRunSummary),
  nextCursor: z.number().int().nullable(),
});
