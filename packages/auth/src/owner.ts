import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
import { DomainError } from '@keydesk/db';
import { hashPassword } from './password.ts';
import { checkPasswordStrength } from './password-policy.ts';

export const OWNER_ID = 1;

export class OwnerSetupError extends DomainError {
  readonly kind = 'invalid';
}

export async function hasOwner(options: { db: Db }): Promise<boolean> {
  return (await options.db.prisma.owner.count()) > 0;
}

export async function createOwner(options: {
  db: Db;
  email: string;
  password: string;
  now: Date;
  ip?: string | null;
}): Promise<void> {
  const problem = checkPasswordStrength(options.password);
  if (problem) throw new OwnerSetupError(problem);
  if (await hasOwner(options)) throw new OwnerSetupError('The owner account already exists.');
  await options.db.prisma.owner.create({
    data: {
      id: OWNER_ID,
      email: options.email.trim().toLowerCase(),
      passwordHash: await hashPassword(options.password),
      passwordChangedAt: options.now,
      createdAt: options.now,
    },
  });
  recordAudit(options.db, { action: 'auth.setup', actor: 'owner', ip: options.ip ?? null }, options.now);
}
