import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
import type { SettingsStore } from './settings-store.ts';
import { deleteSetting } from './sql.ts';

/**
 * The credentials the owner enters in Settings. Other domains read them with
 * `settings.getSecret(key)` (or `settings.get` for the plain ones).
 */
export const CREDENTIALS = [
  { key: 'smtp.url', label: 'SMTP server address (smtp://user:password@host:587)', isSecret: true },
  { key: 'smtp.from', label: 'Sender address for outgoing mail', isSecret: false },
  { key: 'imap.password', label: 'IMAP mailbox password', isSecret: true },
  { key: 'paypro.validationKey', label: 'PayPro Global IPN validation key', isSecret: true },
  { key: 'paypro.secretKey', label: 'PayPro Global secret key', isSecret: true },
  { key: 'avangate.secretKey', label: 'Avangate / 2Checkout secret key', isSecret: true },
  { key: 'tawk.webhookSecret', label: 'tawk.to webhook secret', isSecret: true },
] as const;

export type CredentialKey = (typeof CREDENTIALS)[number]['key'];
export const CREDENTIAL_KEYS = CREDENTIALS.map((c) => c.key) as [CredentialKey, ...CredentialKey[]];

/** Whether each is set; a plain value is shown, a secret never is. */
export function listCredentials(options: { settings: SettingsStore }) {
  return CREDENTIALS.map((c) => {
    const value = c.isSecret ? null : options.settings.get(c.key);
    const isSet = c.isSecret ? options.settings.isSecretSet(c.key) : value !== null && value !== '';
    return { key: c.key, label: c.label, isSecret: c.isSecret, isSet, value };
  });
}

/** Sets, replaces or (with null) clears one credential; the audit entry names the key, never the value. */
export function setCredential(options: {
  db: Db;
  settings: SettingsStore;
  key: CredentialKey;
  value: string | null;
  now: Date;
  ip: string | null;
}): void {
  const { db, settings, key, value, now } = options;
  const credential = CREDENTIALS.find((c) => c.key === key);
  if (!credential) throw new Error(`Unknown credential ${key}.`);
  db.sqlite.transaction(() => {
    if (credential.isSecret) settings.setSecret(key, value);
    else if (value === null || value === '') deleteSetting.run(db, { key });
    else settings.set(key, value);
    recordAudit(
      db,
      {
        action: value ? 'settings.credential.set' : 'settings.credential.clear',
        actor: 'owner',
        ip: options.ip,
        targetType: 'setting',
        targetId: key,
      },
      now,
    );
  })();
}
