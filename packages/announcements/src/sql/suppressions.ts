// Statements of the addresses no announcement may reach.
import { sql } from '@keydesk/db';

/**
 * A stronger reason replaces "left update notices" (a later hard bounce blocks the newsletter
 * too); nothing replaces a stronger one, and the first time it happened is kept.
 */
export const upsertSuppression = sql<never, { email: string; reason: string; at: number }>(
  `INSERT INTO EmailSuppression (email, reason, at) VALUES (@email, @reason, @at)
   ON CONFLICT (email) DO UPDATE SET reason = excluded.reason, at = excluded.at
   WHERE EmailSuppression.reason = 'updates_unsubscribed' AND excluded.reason <> 'updates_unsubscribed'`,
);

export const suppressionsPage = sql<
  { id: number; email: string; reason: string; at: number },
  { afterId: number; limit: number }
>('SELECT id, email, reason, at FROM EmailSuppression WHERE id > @afterId ORDER BY id LIMIT @limit');
