import { eraseCustomer, getCustomerPrivacySummary } from '@keydesk/privacy';
import { customerExportPath } from '../../http/customer-export-route.ts';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import {
  ZPrivacyCustomerInput,
  ZPrivacyEraseInput,
  ZPrivacyEraseOutput,
  ZPrivacyExportOutput,
  ZPrivacyGetOutput,
} from './privacy.schemas.ts';

export const privacyRouter = createRouter({
  get: ownerProcedure
    .input(ZPrivacyCustomerInput)
    .output(ZPrivacyGetOutput)
    .query(({ ctx, input }) => getCustomerPrivacySummary({ db: ctx.db, customerId: input.customerId })),
  // The ZIP itself comes from a plain GET route (a browser download); this says where.
  export: ownerProcedure
    .input(ZPrivacyCustomerInput)
    .output(ZPrivacyExportOutput)
    .query(({ input }) => ({ url: customerExportPath(input.customerId) })),
  erase: ownerProcedure
    .input(ZPrivacyEraseInput)
    .output(ZPrivacyEraseOutput)
    .mutation(({ ctx, input }) =>
      eraseCustomer({
        db: ctx.db,
        customerId: input.customerId,
        confirmEmail: input.confirmEmail,
        now: ctx.now(),
        ip: ctx.request.ip,
      }),
    ),
});
