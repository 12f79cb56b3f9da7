import { createOwner, deleteSession, hasOwner, loginOwner, OwnerSetupError } from '@keydesk/auth';
import { TRPCError } from '@trpc/server';
import { createRouter, ownerProcedure, publicProcedure } from '../../trpc.ts';
import {
  ZAuthLoginInput,
  ZAuthLoginOutput,
  ZAuthSetupInput,
  ZAuthStatusOutput,
  ZEmpty,
  ZOk,
} from './auth.schemas.ts';

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
      try {
        await createOwner({ db: ctx.db, email: input.email, password: input.password, now });
      } catch (error) {
        if (error instanceof OwnerSetupError)
          throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
        throw error;
      }
      ctx.setupTokens.consume(input.token, now);
      return { ok: true as const };
    }),

  login: publicProcedure
    .input(ZAuthLoginInput)
    .output(ZAuthLoginOutput)
    .mutation(async ({ ctx, input }) => {
      const result = await loginOwner({
        db: ctx.db,
        email: input.email,
        password: input.password,
        now: ctx.now(),
        policy: ctx.sessionPolicy,
        ip: ctx.request.ip,
        userAgent: ctx.request.userAgent,
      });
      if (!result.ok)
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'The email or password is not right.' });
      ctx.request.setSessionCookie(result.token);
      return { ok: true as const };
    }),

  logout: ownerProcedure
    .input(ZEmpty)
    .output(ZOk)
    .mutation(async ({ ctx }) => {
      await deleteSession({ db: ctx.db, sessionId: ctx.session.id });
      ctx.request.setSessionCookie(null);
      return { ok: true as const };
    }),
});
