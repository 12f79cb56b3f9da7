import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { parse as parseCookie } from 'cookie';

/** Behind a TLS-terminating proxy (TRUST_PROXY=1) the proxy's headers are believed; otherwise never. */
export function isSecureRequest(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  if (!trustProxy) return false;
  const proto = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    ?.trim();
  return proto === 'https';
}

export function clientIp(req: IncomingMessage, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    // The proxy appends the address it saw, so the last entry is the one it vouches for.
    const last = forwarded.at(-1);
    if (last) return last;
  }
  return req.socket.remoteAddress ?? null;
}

/** `__Host-` binds the cookie to this origin over HTTPS; browsers refuse it on plain HTTP. */
export function sessionCookieName(isSecure: boolean): string {
  return isSecure ? '__Host-keydesk_session' : 'keydesk_session';
}

export function readSessionToken(req: IncomingMessage, isSecure: boolean): string | undefined {
  return parseCookie(req.headers.cookie ?? '')[sessionCookieName(isSecure)];
}
