import { z } from 'zod';
import { findJob, listJobStatus, updateJobSchedule } from '../../jobs/job-status.ts';
import { runJob } from '../../jobs/scheduler.ts';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import { ZJobFindOutput, ZJobName, ZJobRunNowOutput, ZJobUpdateInput } from './jobs.schemas.ts';

export const jobsRouter = createRouter({
  find: ownerProcedure
    .input(z.void())
    .output(ZJobFindOutput)
    .query(({ ctx }) => listJobStatus(ctx)),
  update: ownerProcedure
    .input(ZJobUpdateInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => {
      updateJobSchedule(ctx, input);
      return { ok: true as const };
    }),
  runNow: ownerProcedure
    .input(z.object({ name: ZJobName }))
    .output(ZJobRunNowOutput)
    .mutation(async ({ ctx, input }) => {
      const { status, summary } = await runJob(ctx, findJob(input.name));
      return { status, summary };
    }),
});
