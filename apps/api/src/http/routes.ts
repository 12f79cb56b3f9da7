import { createUpdateCheckRoute } from './collect-update-check.ts';
import { conversationRoutes } from './conversation-routes.ts';
import { customerExportRoute } from './customer-export-route.ts';
import type { HttpRoute } from './http-route.ts';
import { sendJson } from './http-route.ts';
import { importUploadRoute } from './import-upload-route.ts';
import { rateLimitWebhooks } from './webhook-rate-limit.ts';
import { webhookRoutes } from './webhook-routes.ts';

/** Every plain HTTP route before webhook rate limits (tests wrap them with their own limits). */
export const unlimitedHttpRoutes: HttpRoute[] = [
  {
    method: 'GET',
    path: '/healthz',
    handle(_req, res, services) {
      services.db.sqlite.prepare('SELECT 1').get();
      sendJson(res, 200, { ok: true });
    },
  },
  ...webhookRoutes,
  importUploadRoute,
  ...conversationRoutes,
  createUpdateCheckRoute(),
  customerExportRoute,
];

/** Every plain HTTP route. Webhooks (/hooks/*) and the collector (/collect/*) register here. */
export const httpRoutes: HttpRoute[] = rateLimitWebhooks(unlimitedHttpRoutes);
