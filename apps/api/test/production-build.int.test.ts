import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-prod-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the production bundle', () => {
  it('builds with esbuild and serves /healthz and the web app with plain node, no tsx', async () => {
    const built = spawnSync(process.execPath, ['apps/api/build.mjs'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(built.status, built.stderr).toBe(0);
    for (const entry of ['main', 'backup', 'restore'])
      expect(existsSync(path.join(root, `apps/api/dist/${entry}.mjs`))).toBe(true);
    // The bundle starts the mbox import's parse workers from a file beside it: that file must run.
    const starter = path.join(dir, 'start-parse-worker.mjs');
    writeFileSync(
      starter,
      `import { Worker } from 'node:worker_threads';
       const w = new Worker(${JSON.stringify(path.join(root, 'apps/api/dist/parse-worker.mjs'))}, {
         workerData: { maxAttachmentBytes: 1024 } });
       const raw = new TextEncoder().encode('From: Ann <ann@example.com>\\r\\nSubject: Lost key\\r\\n\\r\\nHello\\r\\n');
       w.postMessage([{ id: 1, raw, fallbackDate: 0, gmailMessageId: null }]);
       w.on('message', ([reply]) => { console.log(JSON.stringify({ id: reply.id, subject: reply.email?.subject })); w.terminate(); });`,
    );
    const worker = spawnSync(process.execPath, [starter], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin' },
      timeout: 30_000,
    });
    expect(worker.stderr).toBe('');
    expect(JSON.parse(worker.stdout)).toEqual({ id: 1, subject: 'Lost key' });

    // A stand-in web build keeps this test independent of the (slow) Vite build.
    const web = path.join(dir, 'web');
    mkdirSync(web);
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Keydesk</title><div id="root"></div>');
    const child = spawn(process.execPath, ['apps/api/dist/main.mjs'], {
      cwd: root,
      env: {
        PATH: '/usr/bin:/bin',
        NODE_ENV: 'production',
        PORT: '0',
        DATABASE_URL: `file:${path.join(dir, 'data/keydesk.db')}`,
        WEB_DIST: web,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c));
    child.stderr.on('data', (c: Buffer) => (output += c));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start:\n${output}`)), 30_000);
        child.stdout.on('data', () => {
          const m = output.match(/running at (http:\/\/\S+)/);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
      });
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
      const page = await fetch(`${url}/customers/12`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect((await fetch(`${url}/trpc/jobs.find`)).status).toBe(401);
      expect(existsSync(path.join(dir, 'data/keydesk.pid'))).toBe(true);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    expect(existsSync(path.join(dir, 'data/keydesk.pid'))).toBe(false);
  }, 180_000);
});
