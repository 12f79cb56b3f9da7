import { existsSync } from 'node:fs';
import type { TestDb } from '@keydesk/db/testing';
import { describe, expect, it } from 'vitest';
import { loginAttemptsPurgeJob, outboxPurgeJob } from '../src/jobs/maintenance-jobs.ts';
import { startScheduler } from '../src/jobs/scheduler.ts';
import { createOwnerCaller } from './owner-caller.ts';
import { useTestDb } from './test-db.ts';
import { createServicesForTest } from './test-services.ts';

const DAY = 86_400_000;

describe('scheduled jobs', () => {
  let db: TestDb;
  useTestDb('each', (opened) => {
    db = opened;
  });

  it('lists every job, changes a retention period, and records a run-now in JobRun', async () => {
    const caller = createOwnerCaller(db);
    const jobs = await caller.jobs.find();
    expect(jobs.map((j) => j.name)).toEqual(
      expect.arrayContaining([
        'sessions.purge',
        'login-attempts.purge',
        'outbox.purge',
        'database.vacuum',
        'database.backup',
      ]),
    );
    const now = Date.now();
    const insert = db.sqlite.prepare(
      `INSERT INTO LoginAttempt (at, ip, email, isSuccess) VALUES (?, '192.0.2.1', 'x@example.com', 0)`,
    );
    insert.run(now - 40 * DAY);
    insert.run(now - 10 * DAY);
    insert.run(now);

    await caller.jobs.update({ name: 'login-attempts.purge', settingValue: 7, intervalMinutes: 60 });
    await expect(caller.jobs.update({ name: 'login-attempts.purge', settingValue: 9999 })).rejects.toThrow(
      /between 1 and 365/,
    );
    const run = await caller.jobs.runNow({ name: 'login-attempts.purge' });
    expect(run).toEqual({ status: 'ok', summary: 'deleted 2 attempts older than 7 days' });
    const listed = (await caller.jobs.find()).find((j) => j.name === 'login-attempts.purge');
    expect(listed).toMatchObject({ intervalMinutes: 60, setting: { value: 7 }, lastRun: { status: 'ok' } });
    expect(listed?.nextRunAt?.getTime()).toBe((listed?.lastRun?.startedAt.getTime() ?? 0) + 3_600_000);
    await expect(caller.jobs.runNow({ name: 'nope' })).rejects.toThrow(/no job named nope/);
  });

  it('keeps resend rows but empties their key after the outbox retention', async () => {
    const services = createServicesForTest(db);
    const old = Date.now() - 100 * DAY;
    const outbox = db.sqlite.prepare(
      `INSERT INTO OutboxEmail (kind, idempotencyKey, fromAddress, toAddress, subject, textBody, htmlBody, messageId, status, createdAt, nextAttemptAt, sentAt)
       VALUES (?, ?, 'a@x.example', 'b@x.example', 's', 'KEY-1', '<b>KEY-1</b>', ?, 'sent', ?, ?, ?)`,
    );
    outbox.run('test', 'k1', 'm1', old, old, old);
    const resendOutbox = Number(outbox.run('license_resend', 'k2', 'm2', old, old, old).lastInsertRowid);
    const licenseId = Number(
      db.sqlite
        .prepare(
          `INSERT INTO License (key, keyNormalized, product, edition, majorVersion, status, issuedAt, createdAt, updatedAt) VALUES ('K', 'K', 'P', 'E', 1, 'active', 0, 0, 0)`,
        )
        .run().lastInsertRowid,
    );
    db.sqlite
      .prepare('INSERT INTO LicenseResend (licenseId, toAddress, outboxId, requestedAt) VALUES (?, ?, ?, ?)')
      .run(licenseId, 'b@x.example', resendOutbox, old);
    const summary = await outboxPurgeJob.run(services, new Date());
    expect(summary).toBe('deleted 1 sent emails, emptied 1 resend bodies older than 90 days');
    expect(db.sqlite.prepare('SELECT textBody FROM OutboxEmail').pluck().all()).toEqual(['']);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM LicenseResend').pluck().get()).toBe(1n);
  });

  it('runs due jobs on its own and closes runs a killed server left open', async () => {
    db.sqlite
      .prepare(`INSERT INTO JobRun (job, startedAt, status) VALUES ('login-attempts.purge', 0, 'running')`)
      .run();
    let clock = Date.now();
    const services = createServicesForTest(db, { now: () => new Date(clock) });
    const scheduler = startScheduler(services, { tickMs: 20, jobs: [loginAttemptsPurgeJob] });
    expect(db.sqlite.prepare('SELECT status, summary FROM JobRun').get()).toEqual({
      status: 'failed',
      summary: 'interrupted: the server stopped',
    });
    clock += 2 * DAY;
    await new Promise((r) => setTimeout(r, 200));
    await scheduler.stop();
    const runs = db.sqlite.prepare(`SELECT COUNT(*) FROM JobRun WHERE status = 'ok'`).pluck().get();
    expect(runs).toBe(1n);
  });

  it('backs up from Settings into backups/ beside the database, checked, keeping N copies', async () => {
    const caller = createOwnerCaller(db);
    await caller.jobs.update({ name: 'database.backup', settingValue: 2 });
    for (let i = 0; i < 3; i++) {
      const r = await caller.backups.create();
      expect(r.status).toBe('ok');
      expect(r.summary).toMatch(/integrity ok/);
      await new Promise((res) => setTimeout(res, 5));
    }
    const { folder, backups } = await caller.backups.find();
    expect(folder).toBe(`${db.dir}/backups`);
    expect(backups).toHaveLength(2);
    expect(existsSync(`${folder}/${backups[0]?.name}`)).toBe(true);
  });
});
