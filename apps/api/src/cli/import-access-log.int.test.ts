// The access-log CLI ends each file with `lines in = stored + already imported + refused` and lists
// the refused lines; the ImportRun row (Settings → Imports) holds the same counts and list.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb } from '@keydesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../env.ts';

const CLI = path.join(repoRoot(), 'apps/api/src/cli/import-access-log.ts');
const CORPUS = path.join(repoRoot(), 'packages/analytics/test-corpus/access-logs');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'keydesk-access-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCli(files: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...files], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${path.join(dir, 'keydesk.db')}`,
      KEYDESK_SECRET_KEY_FILE: path.join(dir, 'keydesk.key'),
      LOG_LEVEL: 'silent',
    },
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run import -- access-log', () => {
  it('prints the counts that add up and each refused line with its reason, and records them', async () => {
    const file = path.join(dir, 'bad.log');
    copyFileSync(path.join(CORPUS, 'lnav-logfile_bad_access_log.0'), file);
    const first = runCli([file]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('3 lines in = 2 stored + 0 already imported + 1 refused');
    expect(first.stdout).toContain('line 2: no client address, ident and user fields before the time');

    const again = runCli([file]);
    expect(again.stdout).toContain('3 lines in = 0 stored + 3 already imported + 0 refused');

    const db = await createDb({ file: path.join(dir, 'keydesk.db') });
    try {
      const run = db.sqlite
        .prepare(
          `SELECT status, itemsDone, created, skipped, rejected, errors FROM ImportRun
           WHERE kind = 'access-log' ORDER BY id`,
        )
        .safeIntegers(false)
        .all();
      expect(run).toEqual([
        {
          status: 'completed',
          itemsDone: 3,
          created: 2,
          skipped: 0,
          rejected: 1,
          errors: JSON.stringify([
            { line: 2, reason: 'no client address, ident and user fields before the time' },
          ]),
        },
        { status: 'completed', itemsDone: 3, created: 0, skipped: 3, rejected: 0, errors: null },
      ]);
    } finally {
      await db.close();
    }
  });
});
