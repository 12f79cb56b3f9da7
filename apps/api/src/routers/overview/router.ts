import { getOverview, readHomeCurrency } from '@keydesk/analytics';
import { z } from 'zod';
import { createRouter, ownerProcedure } from '../../trpc.ts';

const ZOverviewOutput = z.object({
  windowDays: z.number().int(),
  customers: z.number().int(),
  licenses: z.object({ current: z.number().int(), previous: z.number().int() }),
  revenue: z.array(
    z.object({ currency: z.string(), currentMinor: z.number().int(), previousMinor: z.number().int() }),
  ),
  revenueHome: z
    .object({
      currency: z.string(),
      currentMinor: z.number().int(),
      previousMinor: z.number().int(),
      missingCurrencies: z.array(z.string()),
    })
    .nullable(),
  openConversations: z.number().int(),
  latestOrders: z.array(
    z.object({
      id: z.number().int(),
      reseller: z.string(),
      resellerOrderId: z.string(),
      product: z.string(),
      edition: z.string(),
      amountMinor: z.number().int(),
      currency: z.string(),
      status: z.string(),
      purchasedAt: z.date(),
      customer: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    }),
  ),
});

export const overviewRouter = createRouter({
  get: ownerProcedure
    .input(z.void())
    .output(ZOverviewOutput)
    .query(({ ctx }) =>
      getOverview({ db: ctx.db, now: ctx.now(), homeCurrency: readHomeCurrency(ctx.settings) }),
    ),
});
