import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
import { DomainError } from '@keydesk/db';
import { OWNER_ID } from './owner.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { checkPasswordStrength } from './password-policy.ts';
import { deleteAllSessions, deleteSessionsExcept, updateOwnerPassword } from './sql.ts';

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
    updateOwnerPassword.run(db, {
      id: OWNER_ID,
      passwordHash,
      passwordChangedAt: now.getTime(),
      updatedAt: now.getTime(),
    });
    const ended = options.keepSessionId
      ? deleteSessionsExcept.run(db, { id: options.keepSessionId }).changes
      : deleteAllSessions.run(db).changes;
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
