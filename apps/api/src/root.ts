import { authRouter } from './routers/auth/router.ts';
import { backupsRouter } from './routers/backups/router.ts';
import { jobsRouter } from './routers/jobs/router.ts';
import { overviewRouter } from './routers/overview/router.ts';
import { privacyRouter } from './routers/privacy/router.ts';
import { createRouter } from './trpc.ts';

export const appRouter = createRouter({
  auth: authRouter,
  overview: overviewRouter,
  privacy: privacyRouter,
  jobs: jobsRouter,
  backups: backupsRouter,
});

export type AppRouter = typeof appRouter;
