import type { IncomingMessage } from 'node:http';

/**
 * State-changing requests from a browser must come from Keydesk's own origin. Browsers always send
 * Origin on cross-site POSTs; a request with neither Origin nor a browser fetch marker is a
 * non-browser client, which carries no ambient cookie risk.
 */
export function isSameOriginRequest(
  req: IncomingMessage,
  options: { isSecure: boolean; publicUrl?: string },
): boolean {
  const origin = req.headers.origin;
  if (origin === undefined)
    return req.headers['sec-fetch-site'] === undefined || req.headers['sec-fetch-site'] === 'same-origin';
  const allowed = new Set<string>();
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  if (typeof host === 'string') allowed.add(`${options.isSecure ? 'https' : 'http'}://${host}`);
  if (options.publicUrl) allowed.add(new URL(options.publicUrl).origin);
  return allowed.has(origin);
}
