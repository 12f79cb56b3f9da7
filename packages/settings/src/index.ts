export {
  CREDENTIAL_KEYS,
  CREDENTIALS,
  type CredentialKey,
  listCredentials,
  setCredential,
} from './credentials.ts';
export { openSettingsStore } from './open-settings-store.ts';
export {
  createSecretBox,
  loadSecretKey,
  parseSecretKey,
  type SecretBox,
  SecretKeyError,
} from './secret-box.ts';
export { createSettingsStore, type SettingsStore } from './settings-store.ts';
