import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb } from '@keydesk/db';
import { createSecretBox, createSettingsStore, parseSecretKey } from '@keydesk/settings';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-key-'));
const dbFile = path.join(dir, 'data', 'keydesk.db');
const keyFile = path.join(dir, 'keydesk.key');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the real server; resolves with its exit code and output, or stops it once it is running. */
function start(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['apps/api/src/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: `file:${dbFile}`,
        PORT: '0',
        LOG_LEVEL: 'warn',
        KEYDESK_SECRET_KEY: '',
      },
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (/running at/.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('the secret key kept beside the data folder', () => {
  it('is created at first start with mode 0600', async () => {
    const first = await start();
    expect(first.output).toMatch(/running at/);
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('stops the server with one sentence when it is missing and encrypted secrets exist', async () => {
    const db = await createDb({ file: dbFile });
    createSettingsStore(db, createSecretBox(parseSecretKey(readFileSync(keyFile, 'utf8')))).setSecret(
      'imap.password',
      'mailbox-secret-value',
    );
    await db.close();
    rmSync(keyFile);
    const { code, output } = await start();
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines.at(-1)).toBe(
      `Keydesk cannot start: The key file ${keyFile} is missing, but the database holds encrypted secrets; restore the key file or set KEYDESK_SECRET_KEY.`,
    );
    expect(output).not.toMatch(/^\s+at /m);
    expect(existsSync(keyFile)).toBe(false);
  });
});
