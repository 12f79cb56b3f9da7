import { findImportRuns, getImportRun } from '@keydesk/ingestion';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import { ZIdInput } from '../id.schemas.ts';
import { ZImportRunFindInput, ZImportRunFindOutput, ZImportRunGetOutput } from './import-run.schemas.ts';

/** Progress of CSV imports (CLI or upload): the UI polls `get` while a run is going. */
export const importRunRouter = createRouter({
  get: ownerProcedure
    .input(ZIdInput)
    .output(ZImportRunGetOutput)
    .query(({ ctx, input }) => getImportRun({ db: ctx.db, id: input.id })),
  find: ownerProcedure
    .input(ZImportRunFindInput)
    .output(ZImportRunFindOutput)
    .query(({ ctx, input }) => findImportRuns({ db: ctx.db, ...input })),
});
