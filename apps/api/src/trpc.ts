import { DomainError, describeDatabaseError } from '@keydesk/db';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Context } from './context.ts';
import { TRPC_CODE_OF_KIND } from './domain-errors.ts';

const t = initTRPC.context<Context>().create({
  // Dates, Maps and BigInts survive the trip to the browser.
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field errors help forms; stack traces never leave the server.
        zodError: error.cause instanceof ZodError ? error.cause.flatten() : null,
        stack: undefined,
      },
    };
  },
});

export const createRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// A domain refusal keeps its sentence and gets its kind's code; routers never catch them by hand.
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  const cause = result.ok ? null : result.error.cause;
  if (cause instanceof DomainError)
    throw new TRPCError({ code: TRPC_CODE_OF_KIND[cause.kind], message: cause.message, cause });
  return result;
});

/**
 * Four procedures use this, all in routers/auth (status, setup, login, loginSecondFactor;
 * PUBLIC_AUTH_PROCEDURES, which the router guard test holds to). Everything else is an ownerProcedure.
 */
export const publicProcedure = t.procedure.use(domainErrors);

// Disk full or database locked: a sentence the owner can act on instead of SQLite's own words.
const storageErrors = t.middleware(async ({ next }) => {
  const result = await next();
  const message = result.ok ? null : describeDatabaseError(result.error.cause);
  if (!result.ok && message)
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message, cause: result.error });
  return result;
});

export const ownerProcedure = t.procedure
  .use(storageErrors)
  .use(domainErrors)
  .use(({ ctx, next }) => {
    if (!ctx.session) {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
    }
    return next({ ctx: { ...ctx, session: ctx.session } });
  });
