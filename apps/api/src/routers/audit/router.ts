import { findAuditActions, findAuditEntries } from '@keydesk/audit';
import { z } from 'zod';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import { ZAuditActionsOutput, ZAuditFindInput, ZAuditFindOutput } from './audit.schemas.ts';

export const auditRouter = createRouter({
  find: ownerProcedure
    .input(ZAuditFindInput)
    .output(ZAuditFindOutput)
    .query(({ ctx, input }) => findAuditEntries({ db: ctx.db, ...input })),

  actions: ownerProcedure
    .input(z.void())
    .output(ZAuditActionsOutput)
    .query(({ ctx }) => findAuditActions({ db: ctx.db })),
});
