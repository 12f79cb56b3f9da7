import {
  beginTwoFactorEnrolment,
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  getTwoFactorStatus,
} from '@keydesk/auth';
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

export const twoFactorRouter = createRouter({
  status: ownerProcedure
    .input(ZEmpty)
    .output(ZTwoFactorStatusOutput)
    .query(({ ctx }) => getTwoFactorStatus({ db: ctx.db })),

  /** A mutation, not a query: it stores a new (not yet active) secret. */
  begin: ownerProcedure
    .input(ZEmpty)
    .output(ZTwoFactorBeginOutput)
    .mutation(({ ctx }) => beginTwoFactorEnrolment({ db: ctx.db, sealer: ctx.settings })),

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
      }),
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
      });
      return { ok: true as const };
    }),
});
