// What a request may cost before a handler runs: its body's size and pace, and how often one
// client may reach the endpoints whose every call writes a row (sign-in attempts).
import type { IncomingMessage } from 'node:http';
import { validateSessionNow } from '@keydesk/auth';
import type { AppServices } from '../context.ts';
import type { BodyPolicy } from './body-guard.ts';
import { hasRequestBody } from './body-guard.ts';
import { clientIp, readSessionToken } from './request-info.ts';
import { rateLimitKey, TokenBucketLimiter } from './token-bucket.ts';

/** Any body nobody declared a limit for: plain routes, static files, 404s. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
/** Sign-in, setup and every other call without a session: small JSON. */
export const TRPC_PUBLIC_MAX_BODY_BYTES = 64 * 1024;
/** A signed-in owner's calls; the largest is a tawk.to chat export (20 M characters, as JSON). */
export const TRPC_OWNER_MAX_BODY_BYTES = 64 * 1024 * 1024;

export type ServerTimeouts = {
  /** A request's headers must be complete this long after its first byte. */
  headersMs: number;
  /** A body from anyone but the owner must be complete this long after its headers. */
  bodyDeadlineMs: number;
  /** Longest pause within a body. */
  bodyStallMs: number;
  /** Longest pause within an owner's body (an upload over a slow link: no deadline, only this). */
  ownerBodyStallMs: number;
};

export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersMs: 15_000,
  bodyDeadlineMs: 30_000,
  bodyStallMs: 15_000,
  ownerBodyStallMs: 60_000,
};

export type BodyLimits = { maxBodyBytes?: number | undefined; ownerMaxBodyBytes?: number | undefined };

/**
 * The body policy for this request. The owner's larger limit needs a live session, which is looked
 * up (synchronously, before any of the body is read) only when the body may exceed the public limit.
 */
export function bodyPolicyFor(
  req: IncomingMessage,
  limits: BodyLimits,
  context: { services: AppServices; isSecure: boolean; timeouts: ServerTimeouts },
): BodyPolicy {
  const { services, timeouts } = context;
  const maxBytes = limits.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const publicPolicy: BodyPolicy = {
    maxBytes,
    deadlineMs: timeouts.bodyDeadlineMs,
    stallMs: timeouts.bodyStallMs,
    tooLargeHint: limits.ownerMaxBodyBytes ? 'Larger bodies need a signed-in session.' : undefined,
  };
  const ownerMax = limits.ownerMaxBodyBytes;
  if (ownerMax === undefined || !hasRequestBody(req)) return publicPolicy;
  const declared =
    req.headers['transfer-encoding'] === undefined ? Number(req.headers['content-length']) : null;
  if (declared !== null && declared <= maxBytes) return publicPolicy;
  const session = validateSessionNow({
    db: services.db,
    token: readSessionToken(req, context.isSecure),
    now: services.now(),
    policy: services.sessionPolicy,
  });
  if (!session) return publicPolicy;
  return { maxBytes: ownerMax, deadlineMs: null, stallMs: timeouts.ownerBodyStallMs };
}

/** The public tRPC procedures that write a LoginAttempt row or run argon2 on every call. */
const PUBLIC_WRITES = new Set(['auth.login', 'auth.setup', 'auth.loginSecondFactor']);

export type FloodLimiters = {
  /** Sign-in attempts per client: the back-off still decides which may check a password. */
  publicWrites: TokenBucketLimiter;
};

export function createFloodLimiters(): FloodLimiters {
  return {
    publicWrites: new TokenBucketLimiter({ capacity: 60, refillPerSecond: 1, maxClients: 20_000 }),
  };
}

/**
 * 0 when the request may go ahead, else the seconds until it may. Webhooks have their own limits
 * (webhook-rate-limit.ts), applied to every delivery before its body is read.
 */
export function admitRequest(
  req: IncomingMessage,
  pathname: string,
  context: { limiters: FloodLimiters; services: AppServices },
): number {
  if (req.method !== 'POST') return 0;
  const { limiters, services } = context;
  const client = rateLimitKey(clientIp(req, services.trustProxy));
  const nowMs = () => services.now().getTime();
  if (!pathname.startsWith('/trpc/')) return 0;
  const procedures = pathname.slice('/trpc/'.length).split(',');
  if (!procedures.some((name) => PUBLIC_WRITES.has(name))) return 0;
  return limiters.publicWrites.take(client, nowMs());
}
