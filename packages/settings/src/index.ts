export {
  createSecretBox,
  loadSecretKey,
  parseSecretKey,
  type SecretBox,
  SecretKeyError,
} from './secret-box.ts';
export { createSettingsStore, type SettingsStore } from './settings-store.ts';
