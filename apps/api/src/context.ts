import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type OwnerSession,
  type PendingSecondFactorStore,
  type SessionPolicy,
  type SetupTokenStore,
  type ThrottlePolicy,
  validateSession,
} from '@keydesk/auth';
import type { Db } from '@keydesk/db';
import type { SettingsStore } from '@keydesk/settings';
import { clientIp, isSecureRequest, readSessionToken, sessionCookieName } from './http/request-info.ts';
import type { WebhookSecretName } from './http/webhook-secrets.ts';
import type { Logger } from './logger.ts';

/** Long-lived things the server makes once and every request shares. */
export type AppServices = {
  db: Db;
  /** Plain settings and AEAD-encrypted secrets (SMTP/IMAP passwords, webhook secrets). */
  settings: SettingsStore;
  /** SMTP_URL and MAIL_FROM from the environment: used where Settings hold no value. */
  mailFallback?: { smtpUrl?: string | undefined; from?: string | undefined };
  /** Webhook secrets from the environment: used where Settings hold none (webhook-secrets.ts). */
  webhookSecretFallbacks?: Partial<Record<WebhookSecretName, string | undefined>>;
  /** PUBLIC_URL: where links in announcements (unsubscribe) point; campaigns refuse to start without it. */
  publicUrl?: string | undefined;
  logger: Logger;
  sessionPolicy: SessionPolicy;
  setupTokens: SetupTokenStore;
  /** Password right, code still to come: short-lived tickets, in memory. */
  pendingSecondFactors: PendingSecondFactorStore;
  loginThrottle: ThrottlePolicy;
  trustProxy: boolean;
  now: () => Date;
};

export type RequestInfo = {
  ip: string | null;
  userAgent: string | null;
  isSecure: boolean;
  /** Sets or clears the session cookie on the response. */
  setSessionCookie(token: string | null): void;
};

export type Context = AppServices & { session: OwnerSession | null; request: RequestInfo };

/** The part tests build directly, without HTTP. */
export function createContextInner(options: {
  services: AppServices;
  session?: OwnerSession | null;
  request?: Partial<RequestInfo>;
}): Context {
  return {
    ...options.services,
    session: options.session ?? null,
    request: {
      ip: options.request?.ip ?? null,
      userAgent: options.request?.userAgent ?? null,
      isSecure: options.request?.isSecure ?? false,
      setSessionCookie: options.request?.setSessionCookie ?? (() => {}),
    },
  };
}

export async function createContext(
  services: AppServices,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Context> {
  const isSecure = isSecureRequest(req, services.trustProxy);
  const cookieName = sessionCookieName(isSecure);
  const session = await validateSession({
    db: services.db,
    token: readSessionToken(req, isSecure),
    now: services.now(),
    policy: services.sessionPolicy,
  });
  return createContextInner({
    services,
    session,
    request: {
      ip: clientIp(req, services.trustProxy),
      userAgent: req.headers['user-agent'] ?? null,
      isSecure,
      setSessionCookie(token) {
        res.appendHeader('Set-Cookie', serializeSessionCookie(cookieName, token, isSecure));
      },
    },
  });
}

// Session cookie only (no Expires/Max-Age): the privacy policy promises no persistent login.
function serializeSessionCookie(name: string, token: string | null, isSecure: boolean): string {
  const parts = [`${name}=${token ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (isSecure) parts.push('Secure');
  // Clearing needs an expiry in the past; that is the only time one is sent.
  if (token === null) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  return parts.join('; ');
}
