// Integration tests call procedures through createCaller with a real database and an owner
// session, without HTTP (trpc's next-prisma-starter pattern).
import type { Db } from '@keydesk/db';
import { type AppServices, createContextInner } from '../src/context.ts';
import { appRouter } from '../src/root.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { createServicesForTest } from './test-services.ts';

const createCaller = createCallerFactory(appRouter);

export function createOwnerCaller(db: Db, overrides: Partial<AppServices> = {}) {
  const now = new Date();
  const session = {
    id: 'test-session',
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + 3_600_000),
  };
  return createCaller(createContextInner({ services: createServicesForTest(db, overrides), session }));
}

export function createAnonymousCaller(db: Db, overrides: Partial<AppServices> = {}) {
  return createCaller(createContextInner({ services: createServicesForTest(db, overrides) }));
}
