import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkLicenseKey, generateLicenseKey, normalizeLicenseKey } from './license-key.ts';

describe('license keys', () => {
  it('generates keys in five groups of five that pass their checksum', () => {
    for (let i = 0; i < 200; i++) {
      const key = generateLicenseKey(randomBytes);
      expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/);
      expect(checkLicenseKey(key)).toBe('valid');
    }
  });

  it('reads keys in any case, with spaces or without dashes', () => {
    const key = generateLicenseKey(randomBytes);
    expect(checkLicenseKey(key.toLowerCase().replace(/-/g, ' '))).toBe('valid');
    expect(checkLicenseKey(key.replace(/-/g, ''))).toBe('valid');
  });

  it('tells a typo from a key of another format', () => {
    const key = generateLicenseKey(randomBytes);
    const normalized = normalizeLicenseKey(key);
    const swapped = normalized.slice(0, 3) + (normalized[3] === 'A' ? 'B' : 'A') + normalized.slice(4);
    expect(checkLicenseKey(swapped)).toBe('bad-checksum');
    expect(checkLicenseKey('PPG-1234-ABCD')).toBe('not-keydesk-format');
  });

  it('maps the letters people confuse with digits', () => {
    expect(normalizeLicenseKey('ol-i o')).toBe('0110');
  });
});
