// Kill an mbox import half-way (SIGKILL, no cleanup), run it again: every message exactly once.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb } from '@keydesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMbox } from '../../../../packages/conversations/src/test-fixtures/generate-mbox.ts';
import { repoRoot } from '../env.ts';

const CLI = path.join(repoRoot(), 'apps/api/src/cli/import-conversations.ts');
// node with tsx's loader in one process, so SIGKILL reaches the importer itself.
const TSX_ARGS = ['--import', 'tsx'];
const MESSAGES = 1500;

let dir: string;
let mbox: string;
let dbFile: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'keydesk-cli-'));
  mbox = path.join(dir, 'takeout.mbox');
  dbFile = path.join(dir, 'keydesk.db');
  await generateMbox(mbox, MESSAGES, 7);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCli(
  killAfterItems: number | null,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...TSX_ARGS, CLI, 'mbox', mbox], {
      env: { ...process.env, DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      const read = [...d.toString().matchAll(/(\d+) read/g)].at(-1)?.[1];
      if (killAfterItems !== null && read && Number(read) >= killAfterItems) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => resolve({ code, signal, stdout }));
  });
}

describe('import-conversations mbox', () => {
  it('resumes after SIGKILL and ends with each message exactly once', async () => {
    const killed = await runCli(500);
    expect(killed.signal).toBe('SIGKILL');
    const db = await createDb({ file: dbFile });
    const partial = (
      db.sqlite.prepare('SELECT COUNT(*) AS n FROM EmailMessage').safeIntegers(false).get() as { n: number }
    ).n;
    await db.close();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(MESSAGES);

    const rerun = await runCli(null);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toMatch(/Imported mbox: \d+ new/);
    // The rerun's own count: every message it read is new, already there, or refused.
    const identity = /(\d+) read = (\d+) new \+ (\d+) already there \+ (\d+) refused\./.exec(rerun.stdout);
    const [read = 0, created = 0, duplicates = 0, refused = 0] = (identity?.slice(1) ?? []).map(Number);
    expect(read).toBeGreaterThan(0);
    expect(created + duplicates + refused).toBe(read);
    const check = await createDb({ file: dbFile });
    const totals = check.sqlite
      .prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT messageId) AS distinctIds FROM EmailMessage')
      .safeIntegers(false)
      .get();
    const run = check.sqlite
      .prepare(`SELECT status, bytesDone, bytesTotal FROM ImportRun WHERE kind = 'mbox'`)
      .safeIntegers(false)
      .get() as { status: string; bytesDone: number; bytesTotal: number };
    const fts = check.sqlite
      .prepare(`SELECT COUNT(*) AS n FROM EmailMessageFts WHERE EmailMessageFts MATCH 'hello'`)
      .safeIntegers(false)
      .get();
    await check.close();
    expect(totals).toEqual({ n: MESSAGES, distinctIds: MESSAGES });
    expect(fts).toEqual({ n: MESSAGES });
    expect(run.status).toBe('completed');
    expect(run.bytesDone).toBe(run.bytesTotal);
  }, 240_000);
});
