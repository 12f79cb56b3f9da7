import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(env: Record<string, string>) {
  const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['apps/api/src/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'ok.db')}`, PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const stderr = result.stderr.trim();
  // Log lines (e.g. "database migrated") may come first; the failure itself is one sentence, no stack.
  expect(stderr).not.toMatch(/^\s+at /m);
  return { code: result.status, stderr: stderr.split('\n').at(-1) ?? '' };
}

describe('bad configuration stops the server with one clear sentence', () => {
  it('names a malformed DATABASE_URL', () => {
    const { code, stderr } = start({ DATABASE_URL: 'postgres://localhost/keydesk' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Keydesk cannot start: DATABASE_URL must point to a SQLite file/);
  });

  it('names an unwritable data folder', () => {
    if (process.getuid?.() === 0) {
      // root can write anywhere: a file in the way of the folder is the unwritable case here.
      const blocker = path.join(dir, 'not-a-folder');
      spawnSync('touch', [blocker]);
      const { code, stderr } = start({ DATABASE_URL: `file:${path.join(blocker, 'keydesk.db')}` });
      expect(code).toBe(1);
      expect(stderr).toMatch(/^Keydesk cannot start: The data folder .* cannot be written to/);
      return;
    }
    const locked = path.join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const { code, stderr } = start({ DATABASE_URL: `file:${path.join(locked, 'sub', 'keydesk.db')}` });
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot be written to/);
  });

  it('names a port in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const { code, stderr } = start({ PORT: String(port) });
    blocker.close();
    expect(code).toBe(1);
    expect(stderr).toBe(
      `Keydesk cannot start: Port ${port} on 127.0.0.1 is already in use; stop the other program or set PORT to a free port.`,
    );
  });

  it('names an invalid PORT', () => {
    const { code, stderr } = start({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Keydesk cannot start: The environment variable PORT is invalid/);
  });
});
