// The List-Unsubscribe mailto, for mail clients without one-click: an email to the sender's
// address whose subject carries the same signed token as the link. When the synced mailbox stores
// such an email (conversations' storeEmail), it unsubscribes exactly as a POST to /u/<token> does,
// inside the transaction that stores it. A forged token, or one whose recipient is gone, does nothing.
import type { Db } from '@keydesk/db';
import { addressOf } from '@keydesk/mail';
import { unsubscribeByToken } from './unsubscribe.ts';

const SUBJECT_TOKEN = /\bunsubscribe\s+(\S+)/i;

/** `mailto:<from>?subject=unsubscribe%20<token>`: the token chars need no escaping in a URL. */
export function unsubscribeMailto(fromAddress: string, token: string): string {
  return `mailto:${addressOf(fromAddress)}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`;
}

/** The token in an unsubscribe email's subject ("Re:" and the like may come before it), if any. */
export function tokenFromUnsubscribeSubject(subject: string | null): string | null {
  return (subject && SUBJECT_TOKEN.exec(subject)?.[1]) || null;
}

/** Unsubscribes the recipient an inbound email's subject names; null when it names nobody valid. */
export function unsubscribeByEmail(options: {
  db: Db;
  secret: string;
  subject: string | null;
  now: Date;
}): ReturnType<typeof unsubscribeByToken> {
  const token = tokenFromUnsubscribeSubject(options.subject);
  if (token === null) return null;
  return unsubscribeByToken({
    db: options.db,
    secret: options.secret,
    token,
    scope: 'this',
    now: options.now,
  });
}
