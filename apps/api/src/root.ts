import { analyticsRouter } from './routers/analytics/router.ts';
import { announcementsRouter } from './routers/announcements/router.ts';
import { auditRouter } from './routers/audit/router.ts';
import { authRouter } from './routers/auth/router.ts';
import { backupsRouter } from './routers/backups/router.ts';
import { conversationRouter } from './routers/conversation/router.ts';
import { customerRouter } from './routers/customer/router.ts';
import { importRunRouter } from './routers/import-run/router.ts';
import { jobsRouter } from './routers/jobs/router.ts';
import { licenseLookupRouter } from './routers/license/license-lookup.router.ts';
import { licenseResendRouter } from './routers/license-resend/router.ts';
import { mailRouter } from './routers/mail/router.ts';
import { overviewRouter } from './routers/overview/router.ts';
import { privacyRouter } from './routers/privacy/router.ts';
import { secretsRouter } from './routers/secrets/router.ts';
import { webhookRouter } from './routers/webhook/router.ts';
import { createRouter } from './trpc.ts';

export const appRouter = createRouter({
  audit: auditRouter,
  analytics: analyticsRouter,
  announcements: announcementsRouter,
  auth: authRouter,
  conversation: conversationRouter,
  overview: overviewRouter,
  secrets: secretsRouter,
  customer: customerRouter,
  license: licenseLookupRouter,
  licenseResend: licenseResendRouter,
  mail: mailRouter,
  webhook: webhookRouter,
  importRun: importRunRouter,
  privacy: privacyRouter,
  jobs: jobsRouter,
  backups: backupsRouter,
});

export type AppRouter = typeof appRouter;
