import type { Db } from '@keydesk/db';
import type { SecretBox } from './secret-box.ts';
import { anySecret, deleteSetting, settingByKey, upsertSetting } from './sql.ts';

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
  const row = (key: string) => settingByKey.get(db, { key });
  return {
    get(key) {
      const found = row(key);
      return found && !found.isSecret ? found.value : null;
    },
    set(key, value) {
      upsertSetting.run(db, { key, value, isSecret: 0, updatedAt: Date.now() });
    },
    getSecret(key) {
      const found = row(key);
      return found?.isSecret ? box.decrypt(found.value, key) : null;
    },
    setSecret(key, value) {
      if (value === null || value === '') deleteSetting.run(db, { key });
      else upsertSetting.run(db, { key, value: box.encrypt(value, key), isSecret: 1, updatedAt: Date.now() });
    },
    isSecretSet(key) {
      return Boolean(row(key)?.isSecret);
    },
    hasAnySecret() {
      return anySecret.get(db) !== undefined;
    },
    seal: (value, context) => box.encrypt(value, context),
    unseal: (sealed, context) => box.decrypt(sealed, context),
  };
}
