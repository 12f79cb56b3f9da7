import { backupFolder, listBackups } from '@keydesk/maintenance';
import { z } from 'zod';
import { backupJob } from '../../jobs/maintenance-jobs.ts';
import { runJob } from '../../jobs/scheduler.ts';
import { createRouter, ownerProcedure } from '../../trpc.ts';

const ZBackupFindOutput = z.object({
  folder: z.string(),
  backups: z.array(z.object({ name: z.string(), bytes: z.number().int(), createdAt: z.date() })),
});

export const backupsRouter = createRouter({
  find: ownerProcedure
    .input(z.void())
    .output(ZBackupFindOutput)
    .query(({ ctx }) => {
      const folder = backupFolder(ctx.db.file);
      return {
        folder,
        backups: listBackups(folder).map(({ name, bytes, createdAt }) => ({ name, bytes, createdAt })),
      };
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
