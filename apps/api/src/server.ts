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
import { firstScreenHandler } from './http/first-screen.ts';
import type { HttpRoute } from './http/http-route.ts';
import { sendJson, sendText } from './http/http-route.ts';
import { isSameOriginRequest } from './http/origin-check.ts';
import { isSecureRequest } from './http/request-info.ts';
import { httpRoutes } from './http/routes.ts';
import { applySecurityHeaders } from './http/security-headers.ts';
import { appRouter } from './root.ts';

export type ServerOptions = {
  services: AppServices;
  /** The built web app (apps/web/dist); without it only the API is served. */
  webDist?: string;
  publicUrl?: string;
  routes?: HttpRoute[];
};

export function createServer(options: ServerOptions): Server {
  const { services } = options;
  const routes = options.routes ?? httpRoutes;
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: ({ req, res }) => createContext(services, req, res),
    onError({ error, path: procedure }) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        services.logger.error('tRPC procedure failed', { procedure, error: error.message });
    },
  });
  const staticFiles = webHandler(options.webDist);
  const firstScreen = firstScreenHandler(options.webDist);

  const server = createHttpServer(async (req: IncomingMessage, res: ServerResponse) => {
    const isSecure = isSecureRequest(req, services.trustProxy);
    applySecurityHeaders(res, isSecure);
    const url = new URL(req.url ?? '/', 'http://keydesk.invalid');
    try {
      if (url.pathname.startsWith('/trpc/')) {
        if (
          req.method !== 'GET' &&
          req.method !== 'HEAD' &&
          !isSameOriginRequest(req, { isSecure, publicUrl: options.publicUrl })
        ) {
          sendJson(res, 403, { error: 'Cross-origin request refused.' });
          return;
        }
        res.setHeader('Cache-Control', 'no-store');
        trpc(req, res);
        return;
      }
      const route = routes.find((r) =>
        r.path.endsWith('/') ? url.pathname.startsWith(r.path) : url.pathname === r.path,
      );
      if (route) {
        if (req.method !== route.method) {
          res.setHeader('Allow', route.method);
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
    } catch (error) {
      services.logger.error('request failed', { path: url.pathname, error: (error as Error).message });
      if (!res.headersSent) sendText(res, 500, 'Internal error.');
      else res.end();
    }
  });
  // Idle keep-alive connections outlive the reverse proxy's (nginx and Caddy keep 60 s), so the
  // proxy, not Keydesk, closes them: otherwise a request can race the close and fail with a reset.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
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
