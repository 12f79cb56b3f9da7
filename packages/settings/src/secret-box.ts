import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DomainError } from '@keydesk/db';

// AES-256-GCM (an AEAD cipher): the key lives outside the database, so a copied database file
// alone reveals no credential. Format: v1.<iv>.<tag>.<ciphertext>, base64url.
const VERSION = 'v1';

export class SecretKeyError extends DomainError {
  readonly kind = 'unavailable';
}

export type SecretBox = {
  encrypt(plaintext: string, context: string): string;
  decrypt(sealed: string, context: string): string;
};

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32)
    throw new SecretKeyError(
      'The secret key must be 32 bytes (64 hex characters or 43 base64url characters).',
    );
  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      // The setting's name is bound as associated data: a ciphertext moved to another setting fails.
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [
        VERSION,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        body.toString('base64url'),
      ].join('.');
    },
    decrypt(sealed, context) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined)
        throw new SecretKeyError('A stored secret has an unknown format.');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new SecretKeyError(
          'A stored secret cannot be decrypted with this key; the key file or KEYDESK_SECRET_KEY is not the one it was saved with.',
        );
      }
    },
  };
}

export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64url');
  if (key.length !== 32)
    throw new SecretKeyError('KEYDESK_SECRET_KEY must be 32 bytes, as 64 hex characters or base64url.');
  return key;
}

/** The key from the environment, or from the key file (created with mode 0600 when allowed). */
export function loadSecretKey(options: { envKey?: string; keyFile: string; mayCreate: boolean }): {
  key: Buffer;
  source: 'env' | 'file' | 'created';
} {
  if (options.envKey) return { key: parseSecretKey(options.envKey), source: 'env' };
  if (existsSync(options.keyFile))
    return { key: parseSecretKey(readFileSync(options.keyFile, 'utf8')), source: 'file' };
  if (!options.mayCreate) {
    throw new SecretKeyError(
      `The key file ${options.keyFile} is missing, but the database holds encrypted secrets; restore the key file or set KEYDESK_SECRET_KEY.`,
    );
  }
  mkdirSync(path.dirname(options.keyFile), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(options.keyFile, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(options.keyFile, 0o600);
  return { key, source: 'created' };
}
