import { analyticsRouter } from './routers/analytics/router.ts';
import { authRouter } from './routers/auth/router.ts';
import { overviewRouter } from './routers/overview/router.ts';
import { createRouter } from './trpc.ts';

export const appRouter = createRouter({
  analytics: analyticsRouter,
  auth: authRouter,
  overview: overviewRouter,
});

export type AppRouter = typeof appRouter;
