// Walks the whole appRouter: a procedure added later without ownerProcedure fails this test.
import type { TestDb } from '@keydesk/db/testing';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { createContextInner } from '../src/context.ts';
import { appRouter } from '../src/root.ts';
import { PUBLIC_AUTH_PROCEDURES } from '../src/routers/auth/router.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { useTestDb } from './test-db.ts';
import { createServicesForTest } from './test-services.ts';

const ALLOWED_PUBLIC = new Set(['auth.status', 'auth.setup', 'auth.login', 'auth.loginSecondFactor']);

type CallableTree = { [key: string]: CallableTree } & ((input?: unknown) => Promise<unknown>);

describe('every procedure but login and setup needs the owner session', () => {
  let db: TestDb;
  useTestDb('all', (opened) => {
    db = opened;
  });

  const paths = Object.keys(appRouter._def.procedures);

  it('finds the procedures, and the public list is exactly login and setup', () => {
    expect(paths.length).toBeGreaterThan(10);
    expect(new Set(PUBLIC_AUTH_PROCEDURES)).toEqual(ALLOWED_PUBLIC);
    for (const name of ALLOWED_PUBLIC) expect(paths).toContain(name);
  });

  it.each(paths.filter((p) => !ALLOWED_PUBLIC.has(p)))(
    '%s refuses a caller without a session',
    async (path) => {
      const caller = createCallerFactory(appRouter)(
        createContextInner({ services: createServicesForTest(db) }),
      ) as unknown as CallableTree;
      let procedure: CallableTree = caller;
      for (const part of path.split('.')) procedure = procedure[part] as CallableTree;
      // Inputs of every shape: the session check must come before input validation.
      for (const input of [
        undefined,
        {},
        { id: '0123456789abcdef', key: 'smtp.url', value: 'x', code: '123456' },
      ]) {
        const error = await procedure(input).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(TRPCError);
        expect((error as TRPCError).code).toBe('UNAUTHORIZED');
      }
    },
  );
});
