import path from 'node:path';
import type { Db } from '@keydesk/db';
import { openSettingsStore, type SettingsStore } from '@keydesk/settings';
import type { TEnv } from './env.ts';

/**
 * The server and the CLI open settings the same way. The key lives beside the data folder, never in
 * the database: a copied database reveals no secret.
 */
export function openSettings(
  db: Db,
  dbFile: string,
  env: Pick<TEnv, 'KEYDESK_SECRET_KEY' | 'KEYDESK_SECRET_KEY_FILE'>,
): SettingsStore {
  const keyFile = env.KEYDESK_SECRET_KEY_FILE ?? path.join(path.dirname(path.dirname(dbFile)), 'keydesk.key');
  return openSettingsStore({ db, envKey: env.KEYDESK_SECRET_KEY, keyFile });
}
