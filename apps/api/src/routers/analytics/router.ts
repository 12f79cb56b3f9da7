import { getBreakdown, getTimeSeries, listPossibleAbuse } from '@keydesk/analytics';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import {
  ZBreakdownInput,
  ZBreakdownOutput,
  ZPossibleAbuseInput,
  ZPossibleAbuseOutput,
  ZTimeSeriesInput,
  ZTimeSeriesOutput,
} from './analytics.schemas.ts';

export const analyticsRouter = createRouter({
  timeSeries: ownerProcedure
    .input(ZTimeSeriesInput)
    .output(ZTimeSeriesOutput)
    .query(({ ctx, input }) => getTimeSeries({ db: ctx.db, now: ctx.now(), ...input })),
  breakdown: ownerProcedure
    .input(ZBreakdownInput)
    .output(ZBreakdownOutput)
    .query(({ ctx, input }) => getBreakdown({ db: ctx.db, now: ctx.now(), ...input })),
  possibleAbuse: ownerProcedure
    .input(ZPossibleAbuseInput)
    .output(ZPossibleAbuseOutput)
    .query(({ ctx, input }) =>
      listPossibleAbuse({ db: ctx.db, now: ctx.now(), settings: ctx.settings, ...input }),
    ),
});
