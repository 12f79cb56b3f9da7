import type { Db } from '@keydesk/db';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password.ts';

export const OWNER_ID = 1;

export class OwnerSetupError extends Error {}

export async function hasOwner(options: { db: Db }): Promise<boolean> {
  return (await options.db.prisma.owner.count()) > 0;
}

export function checkPasswordStrength(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 256) return 'Use at most 256 characters.';
  return null;
}

export async function createOwner(options: {
  db: Db;
  email: string;
  password: string;
  now: Date;
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
}
