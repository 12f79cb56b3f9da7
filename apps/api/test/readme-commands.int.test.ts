// Every command the README names is run here through npm itself, on a scratch database with small
// inputs, so a documented command that does not work fails `npm test`. A command too slow or too
// wide to run here names the test that runs it; a README command this file does not know fails too.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb } from '@keydesk/db';
import { writeOrderCsv } from '@keydesk/ingestion/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/env.ts';
import { createTestOwner } from './http-test-server.ts';

const root = repoRoot();
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const scripts = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

/** `npm start`, `npm test`, `npm run x`: the scripts the README tells the reader to run. */
function scriptsNamedInReadme(): string[] {
  const names = new Set<string>();
  for (const match of readme.matchAll(/\bnpm (start|test|run ([a-z][\w:-]*))\b/g))
    names.add(match[2] ?? (match[1] as string));
  return [...names].sort();
}

// Run by another test that spawns the same script file (too slow or too wide to repeat here).
const RUN_ELSEWHERE: Record<string, { test: string; runs: string }> = {
  test: { test: '.ci/run', runs: 'npm test' },
  build: { test: 'apps/api/test/production-build.int.test.ts', runs: 'apps/api/build.mjs' },
  'start:prod': { test: 'apps/api/test/production-build.int.test.ts', runs: 'apps/api/dist/main.mjs' },
  'db:generate': { test: 'scripts/postinstall.mjs', runs: 'generate' },
};

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'keydesk-readme-'));
  env = {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, 'data/keydesk.db')}`,
    KEYDESK_SECRET_KEY_FILE: path.join(dir, 'data/secret.key'),
    LOG_LEVEL: 'silent',
    FORCE_COLOR: '0',
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function npm(args: string[], input?: string) {
  const result = spawnSync('npm', ['--silent', ...args], {
    cwd: root,
    env,
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

function scratchFile(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** `npm run import -- <kind> <file> ...`, which must succeed; returns what it printed. */
function runImport(kind: string, file: string, ...args: string[]): string {
  const run = npm(['run', 'import', '--', kind, file, ...args]);
  expect(run.code, run.output).toBe(0);
  return run.output;
}

describe('the README’s commands', () => {
  it('name only scripts that exist and whose files exist', () => {
    for (const name of scriptsNamedInReadme()) {
      expect(scripts[name], `README names npm ${name}, package.json has no such script`).toBeDefined();
      for (const file of (scripts[name] ?? '').match(/[\w./-]+\.(?:ts|mjs|js)\b/g) ?? [])
        expect(existsSync(path.join(root, file)), `npm run ${name} runs ${file}, which does not exist`).toBe(
          true,
        );
    }
  });

  it('are each run by a test', () => {
    const runHere = new Set([
      'db:migrate',
      'demo',
      'import',
      'owner',
      'backup',
      'restore',
      'db:migration:create',
      'bench',
      'start',
    ]);
    for (const name of scriptsNamedInReadme()) {
      if (runHere.has(name)) continue;
      const elsewhere = RUN_ELSEWHERE[name];
      expect(elsewhere, `npm ${name} is in the README but no test runs it`).toBeDefined();
      if (!elsewhere) continue;
      expect(readFileSync(path.join(root, elsewhere.test), 'utf8')).toContain(elsewhere.runs);
    }
  });

  it('migrate, fill, import, recover, back up and restore a scratch database', async () => {
    const migrate = npm(['run', 'db:migrate']);
    expect(migrate.code, migrate.output).toBe(0);
    expect(migrate.output).toMatch(/Applied \d+ migrations/);
    expect(npm(['run', 'db:migrate']).output).toContain('no pending migrations');
    const db = await createDb({ file: path.join(dir, 'data/keydesk.db') });
    await createTestOwner(db);
    await db.close();

    const demo = npm(['run', 'demo', '--', '--customers', '40', '--seed', '3']);
    expect(demo.code, demo.output).toBe(0);

    const orders = path.join(dir, 'orders.csv');
    await writeOrderCsv(orders, { rows: 25, reseller: 'paypro' });
    expect(runImport('orders', orders, '--reseller', 'paypro')).toMatch(/completed: 25 rows/);
    runImport(
      'newsletter',
      scratchFile(
        'newsletter.csv',
        'Email,Status\nann@example.com,subscribed\nbob@example.com,unsubscribed\n',
      ),
    );
    const mbox = scratchFile(
      'takeout.mbox',
      'From 1@xxx Mon Nov 02 10:00:00 +0000 2026\nFrom: Ann <ann@example.com>\nTo: me@example.com\nSubject: Lost key\nMessage-ID: <lost-1@example.com>\nDate: Mon, 02 Nov 2026 10:00:00 +0000\n\nHello, I lost my key.\n\n',
    );
    expect(runImport('mbox', mbox)).toMatch(/Imported mbox: 1 new/);
    const chats = [
      {
        id: 'chat-1',
        visitor: { name: 'Ann', email: 'ann@example.com' },
        createdOn: '2026-11-02T10:00:00Z',
        messages: [{ sender: { t: 'v', n: 'Ann' }, msg: 'Hi', time: '2026-11-02T10:00:01Z' }],
      },
    ];
    runImport('chats', scratchFile('chats.json', JSON.stringify(chats)));
    const log = scratchFile(
      'access.log',
      '203.0.113.9 - - [02/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 512 "-" "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"\n',
    );
    runImport('access-log', log);

    for (const command of ['reset-password', 'unlock', 'sign-out-everywhere', 'disable-2fa']) {
      const owner = npm(['run', 'owner', '--', command], 'a new passphrase for the readme test\n');
      expect(owner.code, `${command}: ${owner.output}`).toBe(0);
    }

    const backup = npm(['run', 'backup']);
    expect(backup.code, backup.output).toBe(0);
    const backups = readdirSync(path.join(dir, 'data/backups'));
    expect(backups).toHaveLength(1);
    const restore = npm([
      'run',
      'restore',
      '--',
      path.join(dir, 'data/backups', backups[0] as string),
      '--yes',
    ]);
    expect(restore.code, restore.output).toBe(0);

    // The schema and the migrations agree, so creating a migration writes nothing.
    const create = npm(['run', 'db:migration:create', '--', 'readme_check']);
    expect(create.code, create.output).toBe(0);
    expect(create.output).toContain('nothing to write');
  }, 300_000);

  it('bench runs a benchmark and prints its figures', () => {
    const bench = npm(['run', 'bench', '--', '--quick', 'demo-generation']);
    expect(bench.code, bench.output).toBe(0);
    expect(bench.output).toMatch(/^BENCH \S+ [\d.]+ \S+/m);
  }, 300_000);
});

it('npm start serves the dashboard on a fresh database', async () => {
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...env, PORT: '0', DATABASE_URL: `file:${path.join(dir, 'start/keydesk.db')}`, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c));
  child.stderr.on('data', (c: Buffer) => (output += c));
  try {
    // A stale web build is rebuilt first, which can take a while on a busy machine.
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 240_000);
      child.stdout.on('data', () => {
        const found = output.match(/running at (http:\/\/\S+)/)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      });
      child.once('exit', (code) => reject(new Error(`npm start exited ${code}:\n${output}`)));
    });
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
    expect(await (await fetch(`${url}/`)).text()).toContain('<div id="root">');
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}, 300_000);
