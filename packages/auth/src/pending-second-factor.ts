import { randomBytes } from 'node:crypto';

const PENDING_TTL_MS = 5 * 60_000;
const MAX_CODE_TRIES = 5;

export type PendingSecondFactor = { email: string; ip: string; userAgent: string | null; expiresAt: number };

/**
 * Between a right password and a right code the owner holds only this short-lived, in-memory
 * ticket: it opens nothing but the second step, and a few wrong codes spend it.
 */
export class PendingSecondFactorStore {
  #entries = new Map<string, PendingSecondFactor & { tries: number }>();

  issue(now: Date, entry: Omit<PendingSecondFactor, 'expiresAt'>): string {
    this.#sweep(now);
    const token = randomBytes(32).toString('base64url');
    this.#entries.set(token, { ...entry, expiresAt: now.getTime() + PENDING_TTL_MS, tries: 0 });
    return token;
  }

  get(token: string, now: Date): PendingSecondFactor | null {
    const entry = this.#entries.get(token);
    if (!entry || now.getTime() > entry.expiresAt) {
      this.#entries.delete(token);
      return null;
    }
    return entry;
  }

  /** A wrong code: the ticket is spent after a few. */
  fail(token: string): void {
    const entry = this.#entries.get(token);
    if (!entry) return;
    entry.tries += 1;
    if (entry.tries >= MAX_CODE_TRIES) this.#entries.delete(token);
  }

  spend(token: string): void {
    this.#entries.delete(token);
  }

  #sweep(now: Date): void {
    for (const [token, entry] of this.#entries)
      if (now.getTime() > entry.expiresAt) this.#entries.delete(token);
  }
}
