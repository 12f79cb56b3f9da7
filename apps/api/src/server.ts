import { existsSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import path from 'node:path';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import sirv from 'sirv';
import { type AppServices, createContext } from './context.ts';
import { guardRequestBody, wasBodyRefused } from './http/body-guard.ts';
import { firstScreenHandler } from './http/first-screen.ts';
import { isServedHost, servedHosts } from './http/host-check.ts';
import type { HttpRoute } from './http/http-route.ts';
import { sendJson, sendText } from './http/http-route.ts';
import { isSameOriginRequest } from './http/origin-check.ts';
import { isSecureRequest } from './http/request-info.ts';
import {
  admitRequest,
  type BodyLimits,
  bodyPolicyFor,
  createFloodLimiters,
  DEFAULT_TIMEOUTS,
  type ServerTimeouts,
  TRPC_OWNER_MAX_BODY_BYTES,
  TRPC_PUBLIC_MAX_BODY_BYTES,
} from './http/request-limits.ts';
import { httpRoutes, withWebhookBodyLimit } from './http/routes.ts';
import { applySecurityHeaders } from './http/security-headers.ts';
import { sendTrpcTooManyRequests } from './http/trpc-refusal.ts';
import { appRouter } from './root.ts';

export type ServerOptions = {
  services: AppServices;
  /** The built web app (apps/web/dist); without it only the API is served. */
  webDist?: string;
  publicUrl?: string;
  /** The address Keydesk listens on (HOST); its name is served besides loopback and PUBLIC_URL's. */
  host?: string;
  routes?: HttpRoute[];
  timeouts?: Partial<ServerTimeouts>;
};

const TRPC_LIMITS: BodyLimits = {
  maxBodyBytes: TRPC_PUBLIC_MAX_BODY_BYTES,
  ownerMaxBodyBytes: TRPC_OWNER_MAX_BODY_BYTES,
};

export function createServer(options: ServerOptions): Server {
  const { services } = options;
  const routes = (options.routes ?? httpRoutes).map(withWebhookBodyLimit);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const served = servedHosts({ host: options.host, publicUrl: options.publicUrl });
  const floodLimiters = createFloodLimiters();
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    // A second line behind the body guard, which has already applied the caller's own limit.
    maxBodySize: TRPC_OWNER_MAX_BODY_BYTES,
    createContext: ({ req, res }) => createContext(services, req, res),
    onError({ error, path: procedure }) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        services.logger.error('tRPC procedure failed', { procedure, error: error.message });
    },
  });
  const staticFiles = webHandler(options.webDist);
  const firstScreen = firstScreenHandler(options.webDist);

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, isSecure: boolean) {
    // Health checks may come from a container runtime under any name, and reveal nothing.
    if (url.pathname !== '/healthz' && !isServedHost(req, served, services.trustProxy)) {
      res.setHeader('Connection', 'close');
      sendText(
        res,
        421,
        'This server does not answer to that host name. Set PUBLIC_URL (or HOST) to the address you use.',
      );
      return;
    }
    const isTrpc = url.pathname.startsWith('/trpc/');
    // One path may answer several methods (GET shows the unsubscribe page, POST unsubscribes).
    const pathRoutes = isTrpc
      ? []
      : routes.filter((r) =>
          r.path.endsWith('/') ? url.pathname.startsWith(r.path) : url.pathname === r.path,
        );
    const route = pathRoutes.find((r) => r.method === req.method) ?? pathRoutes[0];
    // First, so that every answer below, early ones too, leaves a body that is bounded and timed.
    const policy = bodyPolicyFor(req, isTrpc ? TRPC_LIMITS : (route ?? {}), { services, isSecure, timeouts });
    if (!guardRequestBody(req, res, policy)) return;
    if (
      isTrpc &&
      req.method !== 'GET' &&
      req.method !== 'HEAD' &&
      !isSameOriginRequest(req, { isSecure, trustProxy: services.trustProxy, publicUrl: options.publicUrl })
    ) {
      sendJson(res, 403, { error: 'Cross-origin request refused.' });
      return;
    }
    const wait = admitRequest(req, url.pathname, { limiters: floodLimiters, services });
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      const message = 'Too many requests from this address; try again later.';
      if (isTrpc) sendTrpcTooManyRequests(res, url, message);
      else sendJson(res, 429, { error: message });
      return;
    }

    if (isTrpc) {
      res.setHeader('Cache-Control', 'no-store');
      trpc(req, res);
      return;
    }
    if (route) {
      if (req.method !== route.method) {
        res.setHeader('Allow', pathRoutes.map((r) => r.method).join(', '));
        sendText(res, 405, 'Method not allowed.');
        return;
      }
      await route.handle(req, res, services);
      return;
    }
    if (url.pathname === '/' && firstScreen?.(req, res)) return;
    if (staticFiles && (req.method === 'GET' || req.method === 'HEAD')) {
      staticFiles(req, res, () => sendText(res, 404, 'Not found.'));
      return;
    }
    sendText(res, 404, 'Not found.');
  }

  const server = createHttpServer(
    {
      // Slow senders: headers must arrive within headersMs; bodies are timed by the body guard,
      // per request, because an owner's upload may rightly take longer than any fixed limit.
      headersTimeout: timeouts.headersMs,
      requestTimeout: 0,
      connectionsCheckingInterval: Math.min(5_000, timeouts.headersMs),
      // Idle keep-alive connections outlive the reverse proxy's (nginx and Caddy keep 60 s), so the
      // proxy, not Keydesk, closes them: otherwise a request can race the close and fail with a reset.
      keepAliveTimeout: KEEP_ALIVE_MS,
    },
    async (req: IncomingMessage, res: ServerResponse) => {
      const isSecure = isSecureRequest(req, services.trustProxy);
      applySecurityHeaders(res, isSecure);
      const url = new URL(req.url ?? '/', 'http://keydesk.invalid');
      try {
        await handle(req, res, url, isSecure);
      } catch (error) {
        // A body refused by the guard (413, 408) is already answered; its handler's failure is expected.
        if (wasBodyRefused(req)) return;
        services.logger.error('request failed', { path: url.pathname, error: (error as Error).message });
        if (!res.headersSent) sendText(res, 500, 'Internal error.');
        else res.end();
      }
    },
  );
  return server;
}

const KEEP_ALIVE_MS = 65_000;

function webHandler(webDist: string | undefined) {
  if (!webDist || !existsSync(path.join(webDist, 'index.html'))) return null;
  const assets = sirv(webDist, {
    single: true,
    etag: true,
    gzip: true,
    brotli: true,
    setHeaders(res, pathname) {
      // Hashed bundles never change; index.html must always be revalidated.
      res.setHeader(
        'Cache-Control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return assets;
}
