import {
  beginTwoFactorEnrolment,
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  getTwoFactorStatus,
  TwoFactorError,
} from '@keydesk/auth';
import { TRPCError } from '@trpc/server';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import {
  ZEmpty,
  ZOk,
  ZTwoFactorBeginOutput,
  ZTwoFactorConfirmInput,
  ZTwoFactorConfirmOutput,
  ZTwoFactorDisableInput,
  ZTwoFactorStatusOutput,
} from './auth.schemas.ts';

function asBadRequest(error: unknown): never {
  if (error instanceof TwoFactorError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
  throw error;
}

export const twoFactorRouter = createRouter({
  status: ownerProcedure
    .input(ZEmpty)
    .output(ZTwoFactorStatusOutput)
    .query(({ ctx }) => getTwoFactorStatus({ db: ctx.db })),

  /** A mutation, not a query: it stores a new (not yet active) secret. */
  begin: ownerProcedure
    .input(ZEmpty)
    .output(ZTwoFactorBeginOutput)
    .mutation(({ ctx }) => beginTwoFactorEnrolment({ db: ctx.db, sealer: ctx.settings }).catch(asBadRequest)),

  confirm: ownerProcedure
    .input(ZTwoFactorConfirmInput)
    .output(ZTwoFactorConfirmOutput)
    .mutation(({ ctx, input }) =>
      confirmTwoFactorEnrolment({
        db: ctx.db,
        sealer: ctx.settings,
        code: input.code,
        now: ctx.now(),
        ip: ctx.request.ip,
      }).catch(asBadRequest),
    ),

  disable: ownerProcedure
    .input(ZTwoFactorDisableInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await disableTwoFactor({
        db: ctx.db,
        now: ctx.now(),
        ip: ctx.request.ip,
        password: input.password,
        actor: 'owner',
      }).catch(asBadRequest);
      return { ok: true as const };
    }),
});
