import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb } from '@keydesk/db';
import { generateDemo } from '@keydesk/db/demo';
import { backupDatabase, serverPidFile } from '@keydesk/maintenance';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-backup-'));
const dbFile = path.join(dir, 'keydesk.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(script: 'backup' | 'restore', args: string[]) {
  return spawnSync(path.join(root, 'node_modules/.bin/tsx'), [`apps/api/src/cli/${script}.ts`, ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

const customers = async (file: string) => {
  const db = await createDb({ file, migrate: false });
  const n = Number(db.sqlite.prepare('SELECT COUNT(*) FROM Customer').pluck().safeIntegers(false).get());
  await db.close();
  return n;
};

describe('backup and restore', () => {
  it('copies a consistent snapshot while another connection keeps writing', async () => {
    const db = await createDb({ file: dbFile });
    generateDemo({ sqlite: db.sqlite, customers: 2000, seed: 3 });
    const writer = await createDb({ file: dbFile, migrate: false });
    let writes = 0;
    const timer = setInterval(() => {
      writer.sqlite
        .prepare(
          `INSERT INTO LoginAttempt (at, ip, email, isSuccess) VALUES (?, '192.0.2.9', 'w@x.example', 0)`,
        )
        .run(Date.now());
      writes++;
    }, 1);
    const { backup } = await backupDatabase({ sqlite: db.sqlite, dbFile, now: new Date() });
    clearInterval(timer);
    await writer.close();
    await db.close();
    expect(writes).toBeGreaterThan(0);
    expect(await customers(backup.file)).toBe(2000);
    expect(existsSync(`${backup.file}-wal`)).toBe(false);
  });

  it('npm run backup writes a dated, checked copy', () => {
    const result = cli('backup', ['--keep', '5']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Backup written and checked: .*keydesk-\d{4}-\d{2}-\d{2}T.*\.db/);
    expect(readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.db')).length).toBe(2);
  });

  it('restore refuses while the server runs, then restores and keeps the replaced file aside', async () => {
    const backups = readdirSync(path.join(dir, 'backups')).sort();
    const backupFile = path.join(dir, 'backups', backups[0] as string);
    // A live process named in the pid file stands for the running server.
    const sleeper = spawn('sleep', ['30']);
    writeFileSync(serverPidFile(dbFile), `${sleeper.pid}\n`);
    const refused = cli('restore', [backupFile, '--yes']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/server \(process \d+\) is running; stop it first/);
    sleeper.kill('SIGKILL');
    await new Promise((r) => sleeper.once('exit', r));

    const noTty = cli('restore', [backupFile]);
    expect(noTty.status).toBe(1);
    expect(noTty.stderr).toMatch(/add --yes/);

    const db = await createDb({ file: dbFile, migrate: false });
    db.sqlite.prepare('DELETE FROM Customer WHERE id > 1500').run();
    await db.close();
    expect(await customers(dbFile)).toBe(1500);

    const restored = cli('restore', [backupFile, '--yes']);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(await customers(dbFile)).toBe(2000);
    const aside = readdirSync(dir).find((f) => f.startsWith('keydesk.db.replaced-'));
    expect(aside).toBeDefined();
    expect(await customers(path.join(dir, aside as string))).toBe(1500);
    // Four CLI processes in turn: each starts tsx, which takes seconds on a busy machine.
  }, 240_000);

  it('restore refuses a file that is not a healthy database', () => {
    const bad = path.join(dir, 'broken.db');
    writeFileSync(bad, 'not a database at all, just text'.repeat(200));
    const result = cli('restore', [bad, '--yes']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Restore failed: /);
  });
});
