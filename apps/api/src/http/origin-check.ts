import type { IncomingMessage } from 'node:http';
import { requestedHost } from './host-check.ts';

/**
 * State-changing requests from a browser must come from Keydesk's own origin. Browsers always send
 * Origin on cross-site POSTs; a request with neither Origin nor a browser fetch marker is a
 * non-browser client, which carries no ambient cookie risk. X-Forwarded-Host counts only from a
 * trusted proxy: without one, anybody can send it.
 */
export function isSameOriginRequest(
  req: IncomingMessage,
  options: { isSecure: boolean; trustProxy: boolean; publicUrl?: string },
): boolean {
  const origin = req.headers.origin;
  if (origin === undefined)
    return req.headers['sec-fetch-site'] === undefined || req.headers['sec-fetch-site'] === 'same-origin';
  const allowed = new Set<string>();
  const host = requestedHost(req, options.trustProxy);
  if (host !== undefined) allowed.add(`${options.isSecure ? 'https' : 'http'}://${host}`);
  if (options.publicUrl) allowed.add(new URL(options.publicUrl).origin);
  return allowed.has(origin);
}
