import {
  CustomerNotFoundError,
  ErasureConfirmationError,
  eraseCustomer,
  getCustomerPrivacySummary,
} from '@keydesk/privacy';
import { TRPCError } from '@trpc/server';
import { customerExportPath } from '../../http/customer-export-route.ts';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import {
  ZPrivacyEraseInput,
  ZPrivacyEraseOutput,
  ZPrivacyExportInput,
  ZPrivacyExportOutput,
  ZPrivacyGetInput,
  ZPrivacyGetOutput,
} from './privacy.schemas.ts';

export const privacyRouter = createRouter({
  get: ownerProcedure
    .input(ZPrivacyGetInput)
    .output(ZPrivacyGetOutput)
    .query(({ ctx, input }) => {
      try {
        return getCustomerPrivacySummary({ db: ctx.db, customerId: input.customerId });
      } catch (error) {
        if (error instanceof CustomerNotFoundError)
          throw new TRPCError({ code: 'NOT_FOUND', message: error.message });
        throw error;
      }
    }),
  // The ZIP itself comes from a plain GET route (a browser download); this says where.
  export: ownerProcedure
    .input(ZPrivacyExportInput)
    .output(ZPrivacyExportOutput)
    .query(({ input }) => ({ url: customerExportPath(input.customerId) })),
  erase: ownerProcedure
    .input(ZPrivacyEraseInput)
    .output(ZPrivacyEraseOutput)
    .mutation(({ ctx, input }) => {
      try {
        return eraseCustomer({
          db: ctx.db,
          customerId: input.customerId,
          confirmEmail: input.confirmEmail,
          now: ctx.now(),
          ip: ctx.request.ip,
        });
      } catch (error) {
        if (error instanceof CustomerNotFoundError)
          throw new TRPCError({ code: 'NOT_FOUND', message: error.message });
        if (error instanceof ErasureConfirmationError)
          throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
        throw error;
      }
    }),
});
