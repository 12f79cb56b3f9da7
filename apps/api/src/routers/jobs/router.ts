import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  findJob,
  JobSettingRangeError,
  listJobStatus,
  UnknownJobError,
  updateJobSchedule,
} from '../../jobs/job-status.ts';
import { runJob } from '../../jobs/scheduler.ts';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import { ZJobFindOutput, ZJobName, ZJobRunNowOutput, ZJobUpdateInput } from './jobs.schemas.ts';

function asBadRequest(error: unknown): never {
  if (error instanceof UnknownJobError) throw new TRPCError({ code: 'NOT_FOUND', message: error.message });
  if (error instanceof JobSettingRangeError)
    throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
  throw error;
}

export const jobsRouter = createRouter({
  find: ownerProcedure
    .input(z.void())
    .output(ZJobFindOutput)
    .query(({ ctx }) => listJobStatus(ctx)),
  update: ownerProcedure
    .input(ZJobUpdateInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => {
      try {
        updateJobSchedule(ctx, input);
      } catch (error) {
        asBadRequest(error);
      }
      return { ok: true as const };
    }),
  runNow: ownerProcedure
    .input(z.object({ name: ZJobName }))
    .output(ZJobRunNowOutput)
    .mutation(async ({ ctx, input }) => {
      let job: ReturnType<typeof findJob>;
      try {
        job = findJob(input.name);
      } catch (error) {
        asBadRequest(error);
      }
      const { status, summary } = await runJob(ctx, job);
      return { status, summary };
    }),
});
