export {
  checkLicenseKey,
  formatLicenseKey,
  generateLicenseKey,
  type KeyShape,
  normalizeLicenseKey,
} from './license-key.ts';
