import type { Db } from '@keydesk/db';
import type { SecretBox } from './secret-box.ts';

/** Plain settings and encrypted secrets in the Setting table. Secrets are never returned to the browser. */
export type SettingsStore = {
  get(key: string): string | null;
  set(key: string, value: string): void;
  getSecret(key: string): string | null;
  setSecret(key: string, value: string | null): void;
  isSecretSet(key: string): boolean;
  hasAnySecret(): boolean;
  /** Encrypts a value kept elsewhere (the owner's TOTP secret), bound to `context`. */
  seal(value: string, context: string): string;
  unseal(sealed: string, context: string): string;
};

export function createSettingsStore(db: Db, box: SecretBox): SettingsStore {
  const select = db.sqlite.prepare('SELECT value, isSecret FROM Setting WHERE key = ?').safeIntegers(false);
  const upsert = db.sqlite.prepare(
    `INSERT INTO Setting (key, value, isSecret, updatedAt) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, isSecret = excluded.isSecret, updatedAt = excluded.updatedAt`,
  );
  const remove = db.sqlite.prepare('DELETE FROM Setting WHERE key = ?');
  const row = (key: string) => select.get(key) as { value: string; isSecret: number } | undefined;
  return {
    get(key) {
      const found = row(key);
      return found && !found.isSecret ? found.value : null;
    },
    set(key, value) {
      upsert.run(key, value, 0, Date.now());
    },
    getSecret(key) {
      const found = row(key);
      return found?.isSecret ? box.decrypt(found.value, key) : null;
    },
    setSecret(key, value) {
      if (value === null || value === '') remove.run(key);
      else upsert.run(key, box.encrypt(value, key), 1, Date.now());
    },
    isSecretSet(key) {
      return Boolean(row(key)?.isSecret);
    },
    hasAnySecret() {
      return db.sqlite.prepare('SELECT 1 FROM Setting WHERE isSecret = 1 LIMIT 1').get() !== undefined;
    },
    seal: (value, context) => box.encrypt(value, context),
    unseal: (sealed, context) => box.decrypt(sealed, context),
  };
}
