import { findSessions, revokeAllSessions, revokeSession } from '@keydesk/auth';
import { TRPCError } from '@trpc/server';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import {
  ZEmpty,
  ZOk,
  ZSessionFindOutput,
  ZSessionRevokeAllOutput,
  ZSessionRevokeInput,
} from './auth.schemas.ts';

export const sessionsRouter = createRouter({
  find: ownerProcedure
    .input(ZEmpty)
    .output(ZSessionFindOutput)
    .query(async ({ ctx }) => ({
      items: await findSessions({
        db: ctx.db,
        currentSessionId: ctx.session.id,
        now: ctx.now(),
        idleMs: ctx.sessionPolicy.idleMs,
      }),
    })),

  revoke: ownerProcedure
    .input(ZSessionRevokeInput)
    .output(ZOk)
    .mutation(({ ctx, input }) => {
      if (!revokeSession({ db: ctx.db, handle: input.id, now: ctx.now(), ip: ctx.request.ip }))
        throw new TRPCError({ code: 'NOT_FOUND', message: 'That session has already ended.' });
      return { ok: true as const };
    }),

  /** "Sign out everywhere", this browser included. */
  revokeAll: ownerProcedure
    .input(ZEmpty)
    .output(ZSessionRevokeAllOutput)
    .mutation(({ ctx }) => {
      const count = revokeAllSessions({ db: ctx.db, now: ctx.now(), ip: ctx.request.ip, actor: 'owner' });
      ctx.request.setSessionCookie(null);
      return { count };
    }),
});
