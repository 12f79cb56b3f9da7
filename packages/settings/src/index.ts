export {
  CREDENTIAL_KEYS,
  CREDENTIALS,
  type CredentialKey,
  listCredentials,
  setCredential,
} from './credentials.ts';
export {
  createSecretBox,
  loadSecretKey,
  parseSecretKey,
  type SecretBox,
  SecretKeyError,
} from './secret-box.ts';
export { createSettingsStore, type SettingsStore } from './settings-store.ts';
