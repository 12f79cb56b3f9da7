import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createTestDb } from '@keydesk/db/testing';
import { describe, expect, it } from 'vitest';
import { createSecretBox, loadSecretKey, SecretKeyError } from './secret-box.ts';
import { createSettingsStore } from './settings-store.ts';

describe('settings store', () => {
  it('keeps secrets encrypted: the database file never holds the plaintext', async () => {
    const db = await createTestDb();
    try {
      const store = createSettingsStore(db, createSecretBox(randomBytes(32)));
      store.setSecret('smtp.password', 'hunter2-very-secret');
      store.set('smtp.from', 'support@example.com');
      expect(store.getSecret('smtp.password')).toBe('hunter2-very-secret');
      expect(store.isSecretSet('smtp.password')).toBe(true);
      expect(store.get('smtp.password')).toBeNull();
      db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      expect(readFileSync(db.file).includes('hunter2-very-secret')).toBe(false);
      const otherKey = createSettingsStore(db, createSecretBox(randomBytes(32)));
      expect(() => otherKey.getSecret('smtp.password')).toThrow(SecretKeyError);
    } finally {
      await db.destroy();
    }
  });

  it('creates the key file with mode 0600 and refuses to invent one when secrets exist', async () => {
    const db = await createTestDb();
    try {
      const keyFile = path.join(db.dir, 'keydesk.key');
      expect(loadSecretKey({ keyFile, mayCreate: true }).source).toBe('created');
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(loadSecretKey({ keyFile, mayCreate: false }).source).toBe('file');
      expect(() => loadSecretKey({ keyFile: `${keyFile}.missing`, mayCreate: false })).toThrow(/is missing/);
    } finally {
      await db.destroy();
    }
  });
});
