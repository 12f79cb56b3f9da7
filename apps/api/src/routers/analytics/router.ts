import {
  getBreakdown,
  getMoneySettings,
  getTimeSeries,
  listAccessLogRuns,
  listPossibleAbuse,
  readHomeCurrency,
  setHomeCurrency,
  startAccessLogImport,
} from '@keydesk/analytics';
import { z } from 'zod';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import {
  ZBreakdownInput,
  ZBreakdownOutput,
  ZImportAccessLogInput,
  ZImportAccessLogOutput,
  ZImportRunsInput,
  ZImportRunsOutput,
  ZMoneySettingsOutput,
  ZPossibleAbuseInput,
  ZPossibleAbuseOutput,
  ZSetHomeCurrencyInput,
  ZTimeSeriesInput,
  ZTimeSeriesOutput,
} from './analytics.schemas.ts';

export const analyticsRouter = createRouter({
  timeSeries: ownerProcedure
    .input(ZTimeSeriesInput)
    .output(ZTimeSeriesOutput)
    .query(({ ctx, input }) =>
      getTimeSeries({ db: ctx.db, now: ctx.now(), homeCurrency: readHomeCurrency(ctx.settings), ...input }),
    ),
  moneySettings: ownerProcedure
    .input(z.void())
    .output(ZMoneySettingsOutput)
    .query(({ ctx }) => getMoneySettings({ db: ctx.db, settings: ctx.settings })),
  setHomeCurrency: ownerProcedure
    .input(ZSetHomeCurrencyInput)
    .output(ZMoneySettingsOutput)
    .mutation(({ ctx, input }) =>
      setHomeCurrency({ db: ctx.db, settings: ctx.settings, homeCurrency: input.homeCurrency }),
    ),
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
  importAccessLog: ownerProcedure
    .input(ZImportAccessLogInput)
    .output(ZImportAccessLogOutput)
    .mutation(({ ctx, input }) =>
      startAccessLogImport({
        db: ctx.db,
        now: ctx.now,
        settings: ctx.settings,
        paths: input.paths,
        onError: (message) => ctx.logger.error('access-log import failed', { error: message }),
      }),
    ),
  importRuns: ownerProcedure
    .input(ZImportRunsInput)
    .output(ZImportRunsOutput)
    .query(({ ctx, input }) => listAccessLogRuns({ db: ctx.db, limit: input.limit })),
});
