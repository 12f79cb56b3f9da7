// Every /hooks/* route is rate-limited before its body is read: per client (a reseller's retries
// and one order's per-product notifications fit in the burst) and per hook overall, so a flood
// from many addresses is bounded too. A refused request gets 429 with Retry-After and leaves no
// row: recording each one would hand the flood the disk again.
import type { HttpRoute } from './http-route.ts';
import { sendText } from './http-route.ts';
import { clientIp } from './request-info.ts';
import { rateLimitKey, TokenBucketLimiter } from './token-bucket.ts';

export type WebhookRateLimits = { perClient: TokenBucketLimiter; perHook: TokenBucketLimiter };

export function createWebhookRateLimits(): WebhookRateLimits {
  return {
    perClient: new TokenBucketLimiter({ capacity: 60, refillPerSecond: 1, maxClients: 10_000 }),
    perHook: new TokenBucketLimiter({ capacity: 600, refillPerSecond: 10 }),
  };
}

export function withWebhookRateLimit(route: HttpRoute, limits = createWebhookRateLimits()): HttpRoute {
  return {
    ...route,
    async handle(req, res, services) {
      const nowMs = services.now().getTime();
      const ip = clientIp(req, services.trustProxy);
      const wait = limits.perClient.take(rateLimitKey(ip), nowMs) || limits.perHook.take(route.path, nowMs);
      if (wait > 0) {
        res.setHeader('Retry-After', String(wait));
        res.setHeader('Connection', 'close');
        sendText(res, 429, 'Too many requests; retry later.');
        req.resume();
        return;
      }
      await route.handle(req, res, services);
    },
  };
}

/** Wraps the webhook routes of a route list, each with limiters of its own. */
export function rateLimitWebhooks(
  routes: HttpRoute[],
  makeLimits: () => WebhookRateLimits = createWebhookRateLimits,
): HttpRoute[] {
  return routes.map((route) =>
    route.path.startsWith('/hooks/') ? withWebhookRateLimit(route, makeLimits()) : route,
  );
}
