// The Overview at `/` for a signed-in owner: index.html with a preload of the first screen's one
// batched tRPC request (the session check and the Overview's figures, as the web app's route
// loaders send it). The browser then fetches the figures while it is still downloading and
// evaluating the app's code, and the app's own request takes the preloaded response.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import superjson from 'superjson';
import { sessionCookieName } from './request-info.ts';

/** Must equal the URL httpBatchLink builds for the loaders' prefetches (apps/web/src/router.tsx). */
export function firstScreenBatchUrl(): string {
  const noInput = superjson.serialize(undefined);
  const input = JSON.stringify({ 0: noInput, 1: noInput });
  return `/trpc/auth.status,overview.get?batch=1&input=${encodeURIComponent(input)}`;
}

const SESSION_COOKIES = [sessionCookieName(false), sessionCookieName(true)];

function hasSessionCookie(req: IncomingMessage): boolean {
  const cookie = req.headers.cookie ?? '';
  return SESSION_COOKIES.some((name) => cookie.includes(`${name}=`));
}

/** Null without a build; otherwise a handler that answers `/` for requests carrying a session cookie. */
export function firstScreenHandler(webDist: string | undefined) {
  if (!webDist) return null;
  let html: string;
  try {
    html = readFileSync(path.join(webDist, 'index.html'), 'utf8');
  } catch {
    return null;
  }
  const href = firstScreenBatchUrl().replaceAll('&', '&amp;');
  // crossorigin="anonymous" gives the preload fetch()'s own mode and credentials, so they match.
  const page = html.replace(
    '</head>',
    `  <link rel="preload" as="fetch" crossorigin="anonymous" href="${href}">\n  </head>`,
  );
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' || !hasSessionCookie(req)) return false;
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    // Differs by session cookie, so never shared or reused from a cache.
    res.setHeader('Cache-Control', 'no-store');
    res.end(page);
    return true;
  };
}
