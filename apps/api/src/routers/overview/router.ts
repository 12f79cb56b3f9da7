import { getOverview, readHomeCurrency } from '@keydesk/analytics';
import { z } from 'zod';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import { ZCustomerRef, ZOrderRow } from '../customer/customer.schemas.ts';

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
  // The list shows each sale and who made it; quantities and refunds are on the customer's page.
  latestOrders: z.array(
    ZOrderRow.omit({
      quantity: true,
      refundedMinor: true,
      isTest: true,
      refundedAt: true,
      chargedBackAt: true,
    }).extend({ customer: ZCustomerRef.nullable() }),
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
