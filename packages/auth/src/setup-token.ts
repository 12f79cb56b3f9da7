import { randomBytes, timingSafeEqual } from 'node:crypto';

const SETUP_TOKEN_TTL_MS = 15 * 60_000;

/** The one-time token printed at start while no owner exists. Lives in memory only. */
export class SetupTokenStore {
  #token: string | null = null;
  #expiresAt = 0;

  issue(now: Date): string {
    this.#token = randomBytes(24).toString('base64url');
    this.#expiresAt = now.getTime() + SETUP_TOKEN_TTL_MS;
    return this.#token;
  }

  /** True once for the right token within its lifetime; the token is then spent. */
  consume(candidate: string, now: Date): boolean {
    if (!this.isValid(candidate, now)) return false;
    this.#token = null;
    return true;
  }

  isValid(candidate: string, now: Date): boolean {
    const token = this.#token;
    if (!token || now.getTime() > this.#expiresAt) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
