import type { Db } from '@keydesk/db';
import { createSecretBox, loadSecretKey } from './secret-box.ts';
import { createSettingsStore, type SettingsStore } from './settings-store.ts';
import { anySecret } from './sql.ts';

/**
 * The settings store with its key, as the server and the CLI open it. A key file is created only
 * while no secret is stored: creating one later would make every stored secret unreadable.
 */
export function openSettingsStore(options: {
  db: Db;
  envKey: string | undefined;
  keyFile: string;
}): SettingsStore {
  const hasSecrets = anySecret.get(options.db) !== undefined;
  const { key } = loadSecretKey({ envKey: options.envKey, keyFile: options.keyFile, mayCreate: !hasSecrets });
  return createSettingsStore(options.db, createSecretBox(key));
}
