// DNS rebinding: a page on an attacker's domain that resolves to 127.0.0.1 talks to Keydesk from
// the owner's own browser, with the owner's address (and its sign-in allowance). Its requests carry
// the attacker's host name in Host, so only the names Keydesk is configured for are served.

import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '']);

export type ServedHosts = {
  names: ReadonlySet<string>;
  /** Listening on every interface: any IP address is a way in (a rebinding page always uses a name). */
  isAnyAddressServed: boolean;
};

/** The names to answer: loopback, the HOST Keydesk listens on, and PUBLIC_URL's host. */
export function servedHosts(options: { host?: string; publicUrl?: string }): ServedHosts {
  const names = new Set(LOOPBACK_NAMES);
  const host = normalizeHostName(options.host ?? '127.0.0.1');
  if (!WILDCARD_ADDRESSES.has(host)) names.add(host);
  if (options.publicUrl) names.add(normalizeHostName(new URL(options.publicUrl).hostname));
  return { names, isAnyAddressServed: WILDCARD_ADDRESSES.has(host) };
}

/** The host the client asked for: X-Forwarded-Host only from a trusted proxy, else Host. */
export function requestedHost(req: IncomingMessage, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? req.headers['x-forwarded-host'] : undefined;
  const value =
    (typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined) || req.headers.host;
  return value || undefined;
}

/** Lower case, no port, no brackets around IPv6, no trailing dot. */
export function hostNameOf(hostHeader: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(hostHeader);
  if (bracketed) return normalizeHostName(bracketed[1] ?? '');
  const colon = hostHeader.indexOf(':');
  // A bare IPv6 address has several colons and no port.
  const name = colon >= 0 && hostHeader.indexOf(':', colon + 1) < 0 ? hostHeader.slice(0, colon) : hostHeader;
  return normalizeHostName(name);
}

function normalizeHostName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

/**
 * True when the request may be answered. A request without Host (HTTP/1.0 tools) is no browser's,
 * so it carries no rebinding risk.
 */
export function isServedHost(req: IncomingMessage, served: ServedHosts, trustProxy: boolean): boolean {
  const requested = requestedHost(req, trustProxy);
  if (requested === undefined) return true;
  const name = hostNameOf(requested);
  if (served.names.has(name)) return true;
  return served.isAnyAddressServed && isIP(name) !== 0;
}
