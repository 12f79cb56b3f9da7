// Announcements: an audience of 100,000 people (5,000 with --quick) resolved and queued into the
// outbox, then sending to a local smtp-server (accept and discard) with the pooled transport and no
// throttle, in a child process so peak RSS is the campaign's. Sending is timed over the first
// SEND_COUNT emails: the rate is steady by then, and all 100k would take minutes.
// Goals (issue #20): queueing under 10 s, ≥ 300 messages/s, peak RSS under 300 MB.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { previewAudience } from '@keydesk/announcements';
import { createDb, withDeferredSearchIndex, withoutForeignKeyChecks } from '@keydesk/db';
import { startTestSmtpServer } from '@keydesk/mail/testing';
import { isQuick, percentile, report } from './bench-kit.ts';

const COUNT = isQuick ? 5_000 : 100_000;
const SEND_COUNT = isQuick ? 2_000 : 10_000;
const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'keydesk-bench-announcements-'));
const dbFile = path.join(work, 'keydesk.db');

/** One customer per person, one address and one license each; built once and copied per run. */
async function seededDatabase(): Promise<string> {
  const file = path.join(tmpdir(), `keydesk-bench-announcements-v1-${COUNT}.db`);
  if (existsSync(file)) return file;
  const building = mkdtempSync(path.join(tmpdir(), 'keydesk-bench-announcements-build-'));
  const db = await createDb({ file: path.join(building, 'keydesk.db') });
  const at = Date.parse('2025-06-01T00:00:00Z');
  const customer = db.sqlite.prepare(
    'INSERT INTO Customer (id, name, country, firstSeenAt, lastSeenAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const email = db.sqlite.prepare(
    'INSERT INTO CustomerEmail (customerId, email, isPrimary, createdAt) VALUES (?, ?, 1, ?)',
  );
  const license = db.sqlite.prepare(
    `INSERT INTO License (key, keyNormalized, product, edition, majorVersion, status, issuedAt, customerId, createdAt, updatedAt)
     VALUES (?, ?, 'Tessera', ?, 5, 'active', ?, ?, ?, ?)`,
  );
  withoutForeignKeyChecks(db.sqlite, () =>
    withDeferredSearchIndex(db.sqlite, () => {
      for (let i = 1; i <= COUNT; i++) {
        const issued = at - (i % 700) * 86_400_000;
        customer.run(i, `Customer ${i}`, i % 3 === 0 ? 'DE' : 'US', issued, issued, issued, issued);
        email.run(i, `person${i}@example.test`, issued);
        const key = `BNCH-${String(i).padStart(6, '0')}-QZ${i}W`;
        license.run(key, key.replaceAll('-', ''), i % 2 ? 'Pro' : 'Home', issued, i, issued, issued);
      }
    }),
  );
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await db.close();
  renameSync(path.join(building, 'keydesk.db'), file);
  rmSync(building, { recursive: true, force: true });
  return file;
}

/**
 * What the owner waits for as they change the rules: the count and first page of an audience of
 * everyone, and of a third of them with an exclusion, evaluated in SQLite (median of 5 each).
 */
async function timeAudiencePreview() {
  const db = await createDb({ file: dbFile, migrate: false });
  const audiences = [
    { include: [{ kind: 'license' as const, product: 'Tessera' }], exclude: [] },
    {
      include: [{ kind: 'license' as const, country: 'DE' }],
      exclude: [{ kind: 'license' as const, edition: 'Pro' }],
    },
  ];
  const times: number[] = [];
  for (const audience of audiences) {
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      previewAudience({ db, audience, topic: 'updates', limit: 50 });
      times.push(performance.now() - start);
    }
  }
  await db.close();
  report(`announcements.audience_preview_${COUNT / 1000}k.ms`, percentile(times, 50), 'ms');
}

const smtp = await startTestSmtpServer({ isDiscarding: true });
try {
  copyFileSync(await seededDatabase(), dbFile);
  await timeAudiencePreview();
  // Asynchronous: the SMTP server lives in this process and must answer while the child sends.
  const child = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const proc = spawn(
      path.join(root, 'node_modules/.bin/tsx'),
      [path.join(root, 'bench/announcements-child.ts'), dbFile, smtp.url, String(SEND_COUNT)],
      { cwd: root },
    );
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  if (child.status !== 0) throw new Error(`campaign failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as {
    recipients: number;
    queueMs: number;
    queueRss: number;
    sent: number;
    sendMs: number;
    peakRss: number;
  };
  if (result.recipients !== COUNT) throw new Error(`queued ${result.recipients} of ${COUNT}`);
  report(`announcements.queue_${COUNT / 1000}k.seconds`, result.queueMs / 1000, 's');
  report('announcements.send.rate', (result.sent / result.sendMs) * 1000, 'messages/s');
  report('announcements.peak_rss', result.peakRss, 'MB');
  // The part of the peak reached by resolving and queueing alone, before sending began.
  report(`announcements.queue_${COUNT / 1000}k.peak_rss`, result.queueRss, 'MB');
} finally {
  await smtp.stop();
  rmSync(work, { recursive: true, force: true });
}
