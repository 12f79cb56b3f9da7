// The token in an announcement's unsubscribe link: the recipient row's id, signed with HMAC-SHA256
// under a secret kept encrypted in Settings. It names no address, so a link in a proxy's log or a
// forwarded email reveals nobody; it cannot be forged for another recipient.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SettingsStore } from '@keydesk/settings';

export const UNSUBSCRIBE_SECRET_SETTING = 'announcements.unsubscribeSecret';
const TOKEN = /^([1-9][0-9]{0,15})\.([A-Za-z0-9_-]{43})$/;

function signature(secret: string, recipientId: number): Buffer {
  return createHmac('sha256', secret).update(`unsubscribe:v1:${recipientId}`).digest();
}

export function signUnsubscribeToken(secret: string, recipientId: number): string {
  return `${recipientId}.${signature(secret, recipientId).toString('base64url')}`;
}

/** The recipient id, or null for anything not signed with this secret. Constant-time comparison. */
export function verifyUnsubscribeToken(secret: string, token: string): number | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const recipientId = Number(match[1]);
  const given = Buffer.from(match[2] ?? '', 'base64url');
  const expected = signature(secret, recipientId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? recipientId : null;
}

/** Made on first use and kept: links already sent must keep working, so it is never rotated silently. */
export function getUnsubscribeSecret(settings: Pick<SettingsStore, 'getSecret' | 'setSecret'>): string {
  const existing = settings.getSecret(UNSUBSCRIBE_SECRET_SETTING);
  if (existing) return existing;
  const created = randomBytes(32).toString('base64url');
  settings.setSecret(UNSUBSCRIBE_SECRET_SETTING, created);
  return created;
}

export function unsubscribeUrl(publicUrl: string, token: string): string {
  return new URL(`/u/${token}`, publicUrl).toString();
}
