import { authRouter } from './routers/auth/router.ts';
import { licenseResendRouter } from './routers/license-resend/router.ts';
import { mailRouter } from './routers/mail/router.ts';
import { overviewRouter } from './routers/overview/router.ts';
import { createRouter } from './trpc.ts';

export const appRouter = createRouter({
  auth: authRouter,
  overview: overviewRouter,
  licenseResend: licenseResendRouter,
  mail: mailRouter,
});

export type AppRouter = typeof appRouter;
