import { generateLicenseKey, normalizeLicenseKey } from '@keydesk/license-key';
import type { Rng } from './rng.ts';

export function generateDemoLicenseKey(rng: Rng): { display: string; normalized: string } {
  const display = generateLicenseKey((n) => rng.bytes(n));
  return { display, normalized: normalizeLicenseKey(display) };
}
