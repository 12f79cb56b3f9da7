import { authRouter } from './routers/auth/router.ts';
import { conversationRouter } from './routers/conversation/router.ts';
import { overviewRouter } from './routers/overview/router.ts';
import { createRouter } from './trpc.ts';

export const appRouter = createRouter({
  auth: authRouter,
  conversation: conversationRouter,
  overview: overviewRouter,
});

export type AppRouter = typeof appRouter;
