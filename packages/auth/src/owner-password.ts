import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
import { DomainError } from '@keydesk/db';
import { OWNER_ID } from './owner.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { checkPasswordStrength } from './password-policy.ts';

export class PasswordChangeError extends DomainError {
  readonly kind = 'invalid';
}

/**
 * Sets a new password and ends every other session: whoever else held one used the old password.
 * From Settings the current password is asked; from the shell (`npm run owner -- reset-password`)
 * it is not, and every session ends.
 */
export async function changeOwnerPassword(options: {
  db: Db;
  now: Date;
  ip: string | null;
  newPassword: string;
  actor: 'owner' | 'cli';
  currentPassword?: string;
  keepSessionId?: string;
}): Promise<void> {
  const { db, now } = options;
  const owner = await db.prisma.owner.findUnique({ where: { id: OWNER_ID }, select: { passwordHash: true } });
  if (!owner) throw new PasswordChangeError('There is no owner account yet.');
  if (options.actor === 'owner') {
    const isRight = await verifyPassword(owner.passwordHash, options.currentPassword ?? '');
    if (!isRight) throw new PasswordChangeError('The current password is not right.');
  }
  const problem = checkPasswordStrength(options.newPassword);
  if (problem) throw new PasswordChangeError(problem);
  const passwordHash = await hashPassword(options.newPassword);
  db.sqlite.transaction(() => {
    db.sqlite
      .prepare('UPDATE Owner SET passwordHash = ?, passwordChangedAt = ?, updatedAt = ? WHERE id = ?')
      .run(passwordHash, now.getTime(), now.getTime(), OWNER_ID);
    const ended = options.keepSessionId
      ? db.sqlite.prepare('DELETE FROM Session WHERE id <> ?').run(options.keepSessionId).changes
      : db.sqlite.prepare('DELETE FROM Session').run().changes;
    recordAudit(
      db,
      {
        action: 'auth.password.change',
        actor: options.actor,
        ip: options.ip,
        details: { sessionsEnded: ended },
      },
      now,
    );
  })();
}
