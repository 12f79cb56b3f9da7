import {
  backupFolder,
  findBackupsHoldingErasedData,
  listBackups,
  replaceBackupsHoldingErasedData,
} from '@keydesk/maintenance';
import { z } from 'zod';
import { backupJob } from '../../jobs/maintenance-jobs.ts';
import { runJob } from '../../jobs/scheduler.ts';
import { createRouter, ownerProcedure } from '../../trpc.ts';

const ZBackupSummary = z.object({ name: z.string(), bytes: z.number().int(), createdAt: z.date() });
const ZBackupFindOutput = z.object({ folder: z.string(), backups: z.array(ZBackupSummary) });
const ZBackupFindHoldingErasedOutput = z.object({
  latestErasureAt: z.date().nullable(),
  backups: z.array(ZBackupSummary),
});
const ZBackupReplaceHoldingErasedOutput = z.object({ backup: z.string(), removed: z.array(z.string()) });

const toSummary = ({ name, bytes, createdAt }: z.infer<typeof ZBackupSummary>) => ({
  name,
  bytes,
  createdAt,
});

export const backupsRouter = createRouter({
  find: ownerProcedure
    .input(z.void())
    .output(ZBackupFindOutput)
    .query(({ ctx }) => {
      const folder = backupFolder(ctx.db.file);
      return {
        folder,
        backups: listBackups(folder).map(toSummary),
      };
    }),
  // Backups made before the latest customer erasure still hold the erased people.
  findHoldingErased: ownerProcedure
    .input(z.void())
    .output(ZBackupFindHoldingErasedOutput)
    .query(({ ctx }) => {
      const { latestErasureAt, backups } = findBackupsHoldingErasedData({
        sqlite: ctx.db.sqlite,
        dbFile: ctx.db.file,
      });
      return { latestErasureAt, backups: backups.map(toSummary) };
    }),
  replaceHoldingErased: ownerProcedure
    .input(z.void())
    .output(ZBackupReplaceHoldingErasedOutput)
    .mutation(async ({ ctx }) => {
      const { backup, removed } = await replaceBackupsHoldingErasedData({
        sqlite: ctx.db.sqlite,
        dbFile: ctx.db.file,
        now: ctx.now(),
      });
      return { backup: backup.name, removed };
    }),
  // The same run as the daily schedule, so it shows in the job's history too.
  create: ownerProcedure
    .input(z.void())
    .output(z.object({ status: z.enum(['ok', 'failed']), summary: z.string() }))
    .mutation(async ({ ctx }) => {
      const { status, summary } = await runJob(ctx, backupJob);
      return { status, summary };
    }),
});
