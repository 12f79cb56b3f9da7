import { checkDatabaseAnswers } from '@keydesk/maintenance';
import { createUpdateCheckRoute } from './collect-update-check.ts';
import { conversationRoutes } from './conversation-routes.ts';
import { customerExportRoute } from './customer-export-route.ts';
import type { HttpRoute } from './http-route.ts';
import { sendJson } from './http-route.ts';
import { importUploadRoute } from './import-upload-route.ts';
import { unsubscribeRoutes } from './unsubscribe-route.ts';
import { rateLimitWebhooks } from './webhook-rate-limit.ts';
import { webhookRoutes } from './webhook-routes.ts';

/** A reseller's notification is a few kilobytes; a tawk.to event can carry a whole chat. */
const WEBHOOK_MAX_BODY_BYTES = new Map([['/hooks/tawk', 5 * 1024 * 1024]]);
const DEFAULT_WEBHOOK_MAX_BODY_BYTES = 64 * 1024;

/** Webhook routes get their body limit here unless they declare one. */
export function withWebhookBodyLimit(route: HttpRoute): HttpRoute {
  if (!route.path.startsWith('/hooks/')) return route;
  return { maxBodyBytes: WEBHOOK_MAX_BODY_BYTES.get(route.path) ?? DEFAULT_WEBHOOK_MAX_BODY_BYTES, ...route };
}

/** Every plain HTTP route before webhook rate limits (tests wrap them with their own limits). */
export const unlimitedHttpRoutes: HttpRoute[] = [
  {
    method: 'GET',
    path: '/healthz',
    handle(_req, res, services) {
      checkDatabaseAnswers(services.db);
      sendJson(res, 200, { ok: true });
    },
  },
  ...webhookRoutes,
  importUploadRoute,
  ...conversationRoutes,
  createUpdateCheckRoute(),
  customerExportRoute,
  ...unsubscribeRoutes,
];

/** Every plain HTTP route. Webhooks (/hooks/*), the collector (/collect/*) and unsubscribe links (/u/*) register here. */
export const httpRoutes: HttpRoute[] = rateLimitWebhooks(unlimitedHttpRoutes);
