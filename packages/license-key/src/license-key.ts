// Keydesk's license key format, used when a reseller does not deliver a key of its own:
//
//   KD7Q2-M4XHN-8RTVA-3PWEB-K9FQC      five groups of five, Crockford base32 (no I, L, O, U)
//
// The first 23 characters are random; the last 2 are a checksum over them (a weighted sum
// modulo 1021, written in base32). A lookup can then tell a typo (checksum fails) from a key
// that is well-formed but unknown. Lookups ignore case, dashes and spaces; O/I/L are read as 0/1/1.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PAYLOAD_LENGTH = 23;
const KEY_LENGTH = 25;
const CHECKSUM_MODULUS = 1021;

export type RandomSource = (n: number) => Uint8Array;

/** Upper case, separators removed, and the characters people confuse mapped as Crockford says. */
export function normalizeLicenseKey(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

function checksum(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    sum = (sum + (i + 1) * (ALPHABET.indexOf(payload[i] as string) + 1) * 31) % CHECKSUM_MODULUS;
  }
  return (ALPHABET[Math.floor(sum / 32)] as string) + (ALPHABET[sum % 32] as string);
}

export function formatLicenseKey(normalized: string): string {
  return normalized.match(/.{1,5}/g)?.join('-') ?? normalized;
}

export function generateLicenseKey(randomBytes: RandomSource): string {
  const bytes = randomBytes(PAYLOAD_LENGTH);
  let payload = '';
  for (const byte of bytes) payload += ALPHABET[byte % 32];
  return formatLicenseKey(payload + checksum(payload));
}

export type KeyShape = 'valid' | 'bad-checksum' | 'not-keydesk-format';

/** Whether a key (any formatting) is a well-formed Keydesk key; resellers' own keys are 'not-keydesk-format'. */
export function checkLicenseKey(input: string): KeyShape {
  const key = normalizeLicenseKey(input);
  if (key.length !== KEY_LENGTH || [...key].some((c) => !ALPHABET.includes(c))) return 'not-keydesk-format';
  return checksum(key.slice(0, PAYLOAD_LENGTH)) === key.slice(PAYLOAD_LENGTH) ? 'valid' : 'bad-checksum';
}
