import {
  changeOwnerPassword,
  completeSecondFactor,
  createOwner,
  hasOwner,
  loginOwner,
  logoutSession,
} from '@keydesk/auth';
import { TRPCError } from '@trpc/server';
import type { Context } from '../../context.ts';
import { createRouter, ownerProcedure, publicProcedure } from '../../trpc.ts';
import {
  ZAuthChangePasswordInput,
  ZAuthLoginInput,
  ZAuthLoginOutput,
  ZAuthLoginSecondFactorInput,
  ZAuthSetupInput,
  ZAuthStatusOutput,
  ZEmpty,
  ZOk,
} from './auth.schemas.ts';
import { throwUnlessSignedIn } from './auth-errors.ts';
import { sessionsRouter } from './sessions-router.ts';
import { twoFactorRouter } from './two-factor-router.ts';

/** The public procedures of the whole API: the router guard test allows exactly these. */
export const PUBLIC_AUTH_PROCEDURES = ['auth.status', 'auth.setup', 'auth.login', 'auth.loginSecondFactor'];

/** Both sign-in steps count failures in one throttle and open sessions under one policy. */
function signInContext(ctx: Context) {
  return {
    db: ctx.db,
    now: ctx.now(),
    policy: ctx.sessionPolicy,
    throttle: ctx.loginThrottle,
    pending: ctx.pendingSecondFactors,
    ip: ctx.request.ip,
    userAgent: ctx.request.userAgent,
  };
}

export const authRouter = createRouter({
  /** Public: tells the login page whether to show sign-in or setup. Reveals nothing else. */
  status: publicProcedure
    .input(ZEmpty)
    .output(ZAuthStatusOutput)
    .query(async ({ ctx }) => ({ isSignedIn: ctx.session !== null, needsSetup: !(await hasOwner(ctx)) })),

  setup: publicProcedure
    .input(ZAuthSetupInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      if (!ctx.setupTokens.isValid(input.token, now)) {
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: 'This setup link is invalid or has expired. Restart the server for a new one.',
        });
      }
      await createOwner({
        db: ctx.db,
        email: input.email,
        password: input.password,
        now,
        ip: ctx.request.ip,
      });
      ctx.setupTokens.consume(input.token, now);
      return { ok: true as const };
    }),

  login: publicProcedure
    .input(ZAuthLoginInput)
    .output(ZAuthLoginOutput)
    .mutation(async ({ ctx, input }) => {
      const result = await loginOwner({
        ...signInContext(ctx),
        email: input.email,
        password: input.password,
      });
      throwUnlessSignedIn(result, 'The email or password is not right.');
      if (result.status === 'second_factor') return result;
      ctx.request.setSessionCookie(result.token);
      return { status: 'signed_in' as const };
    }),

  /** Public, but opens nothing without the ticket that a right password gave. */
  loginSecondFactor: publicProcedure
    .input(ZAuthLoginSecondFactorInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      const result = await completeSecondFactor({
        ...signInContext(ctx),
        sealer: ctx.settings,
        pendingToken: input.pendingToken,
        code: input.code,
      });
      throwUnlessSignedIn(result, 'That code is not right, or the sign-in took too long; try again.');
      if (result.status !== 'signed_in')
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in again.' });
      ctx.request.setSessionCookie(result.token);
      return { ok: true as const };
    }),

  logout: ownerProcedure
    .input(ZEmpty)
    .output(ZOk)
    .mutation(({ ctx }) => {
      logoutSession({ db: ctx.db, sessionId: ctx.session.id, now: ctx.now(), ip: ctx.request.ip });
      ctx.request.setSessionCookie(null);
      return { ok: true as const };
    }),

  changePassword: ownerProcedure
    .input(ZAuthChangePasswordInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await changeOwnerPassword({
        db: ctx.db,
        now: ctx.now(),
        ip: ctx.request.ip,
        actor: 'owner',
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
        keepSessionId: ctx.session.id,
      });
      return { ok: true as const };
    }),

  twoFactor: twoFactorRouter,
  sessions: sessionsRouter,
});
