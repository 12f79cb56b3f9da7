// POST /collect/update-check: the one public endpoint. Limited per client before the body is read,
// size-limited, validated with zod; answers with the latest version of the product.
import { readLatestVersions, recordUpdateCheck, ZUpdateCheck } from '@keydesk/analytics';
import type { HttpRoute } from './http-route.ts';
import { BodyTooLargeError, readBody, sendJson } from './http-route.ts';
import { clientIp } from './request-info.ts';
import { TokenBucketLimiter as Limiter, rateLimitKey, type TokenBucketLimiter } from './token-bucket.ts';

export const UPDATE_CHECK_MAX_BYTES = 2048;

export function createUpdateCheckRoute(
  limiter: TokenBucketLimiter = new Limiter({ capacity: 10, refillPerSecond: 1 / 60 }),
): HttpRoute {
  return {
    method: 'POST',
    path: '/collect/update-check',
    maxBodyBytes: UPDATE_CHECK_MAX_BYTES,
    async handle(req, res, services) {
      const ip = clientIp(req, services.trustProxy);
      const wait = limiter.take(rateLimitKey(ip), services.now().getTime());
      if (wait > 0) {
        res.setHeader('Retry-After', String(wait));
        sendJson(res, 429, { error: 'Too many update checks from this address; try again later.' });
        req.resume();
        return;
      }
      let body: Buffer;
      try {
        body = await readBody(req, UPDATE_CHECK_MAX_BYTES);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        res.setHeader('Connection', 'close');
        sendJson(res, 413, { error: `The body is larger than ${UPDATE_CHECK_MAX_BYTES} bytes.` });
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        sendJson(res, 400, { error: 'The body is not JSON.' });
        return;
      }
      const parsed = ZUpdateCheck.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        sendJson(res, 400, {
          error: `Invalid ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
        });
        return;
      }
      const answer = recordUpdateCheck({
        db: services.db,
        now: services.now(),
        ip,
        check: parsed.data,
        latestVersions: readLatestVersions(services.settings),
      });
      sendJson(res, 200, answer);
    },
  };
}
