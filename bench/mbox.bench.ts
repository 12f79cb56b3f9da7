// Mail import: a generated Gmail-Takeout-like mbox (100k messages; 5k with --quick, which must stay
// within 20 s with notmuch's run included) imported into a fresh database in a child process
// (rate, peak RSS, RSS at 20k), then p95 of conversation search over it, and notmuch indexing the
// same messages when Debian's notmuch can be had.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findConversations, readMbox } from '@keydesk/conversations';
import { createDb } from '@keydesk/db';
import { generateMbox } from '../packages/conversations/src/test-fixtures/generate-mbox.ts';
import { isQuick, percentile, report } from './bench-kit.ts';

const COUNT = isQuick ? 5_000 : 100_000;
const root = path.resolve(import.meta.dirname, '..');
const mbox = path.join(tmpdir(), `keydesk-bench-mbox-v1-${COUNT}.mbox`);
if (!existsSync(mbox)) await generateMbox(mbox, COUNT, 42);
const work = mkdtempSync(path.join(tmpdir(), 'keydesk-bench-mbox-'));
const dbFile = path.join(work, 'keydesk.db');

try {
  const child = spawnSync(
    path.join(root, 'node_modules/.bin/tsx'),
    [path.join(root, 'bench/mbox-import-child.ts'), mbox, dbFile],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (child.status !== 0) throw new Error(`import failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as {
    ms: number;
    created: number;
    rssAt20k: number | null;
    peakRss: number;
  };
  if (result.created !== COUNT) throw new Error(`imported ${result.created} of ${COUNT}`);
  report(`mbox.import_${COUNT / 1000}k.rate`, (result.created / result.ms) * 1000, 'messages/s');
  report(`mbox.import_${COUNT / 1000}k.peak_rss`, result.peakRss, 'MB');
  if (result.rssAt20k !== null) report('mbox.import.rss_at_20k', result.rssAt20k, 'MB');

  const db = await createDb({ file: dbFile, migrate: false });
  const terms = [
    'license',
    'activation error',
    'refund',
    'upgrade server',
    'discount volume',
    'crash',
    'reinst',
    'backup export',
    'subscription renew',
    'offline',
  ];
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const search = terms[i % terms.length] as string;
    const start = performance.now();
    findConversations(db, { kind: 'all', linked: 'all', hasAttachments: false, search, limit: 25 });
    times.push(performance.now() - start);
  }
  await db.close();
  report(`mbox.search_${COUNT / 1000}k.p95`, percentile(times, 95), 'ms');
  await runNotmuch();
} finally {
  rmSync(work, { recursive: true, force: true });
}

function hasNotmuch(): boolean {
  return spawnSync('notmuch', ['--version']).status === 0;
}

async function runNotmuch(): Promise<void> {
  if (!hasNotmuch() && process.getuid?.() === 0) {
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'notmuch'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: 'ignore',
    });
  }
  if (!hasNotmuch()) {
    console.log('# notmuch is not installed and cannot be installed here (not root): peer figure skipped');
    return;
  }
  await notmuchIndex();
}

async function notmuchIndex(): Promise<void> {
  // notmuch reads maildirs: one file per message, written outside the timing.
  const maildir = path.join(work, 'maildir');
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(path.join(maildir, sub), { recursive: true });
  let n = 0;
  for await (const message of readMbox(mbox))
    writeFileSync(path.join(maildir, 'cur', `${n++}.bench:2,S`), message.raw);
  const config = path.join(work, 'notmuch-config');
  writeFileSync(
    config,
    `[database]\npath=${maildir}\n[user]\nname=Bench\nprimary_email=support@keydesk.test\n[new]\ntags=inbox\n`,
  );
  const start = performance.now();
  execFileSync('notmuch', ['new', '--quiet'], {
    env: { ...process.env, NOTMUCH_CONFIG: config },
    stdio: 'ignore',
  });
  const ms = performance.now() - start;
  report(`mbox.notmuch_new_${COUNT / 1000}k.rate`, (n / ms) * 1000, 'messages/s');
}
