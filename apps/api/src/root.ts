import { authRouter } from './routers/auth/router.ts';
import { importRunRouter } from './routers/import-run/router.ts';
import { overviewRouter } from './routers/overview/router.ts';
import { webhookRouter } from './routers/webhook/router.ts';
import { createRouter } from './trpc.ts';

export const appRouter = createRouter({
  auth: authRouter,
  overview: overviewRouter,
  webhook: webhookRouter,
  importRun: importRunRouter,
});

export type AppRouter = typeof appRouter;
