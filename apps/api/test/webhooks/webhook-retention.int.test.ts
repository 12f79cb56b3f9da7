// Settings → Scheduled jobs lists the webhook and audit retention jobs; running them deletes
// refused and duplicate requests and old audit entries, and empties old payloads but keeps the
// processed rows whose idempotency keys still stop a late resend.
import type { TestDb } from '@keydesk/db/testing';
import { expect, it } from 'vitest';
import { createOwnerCaller } from '../owner-caller.ts';
import { useTestDb } from '../test-db.ts';

const DAY = 86_400_000;
let db: TestDb;
useTestDb('each', (opened) => {
  db = opened;
});

it('purges webhook requests and audit entries past their retention, from Scheduled jobs', async () => {
  const caller = createOwnerCaller(db);
  const names = (await caller.jobs.find()).map((j) => j.name);
  expect(names).toEqual(expect.arrayContaining(['webhook-events.purge', 'audit-log.purge']));
  const now = Date.now();
  const insert = db.sqlite.prepare(
    `INSERT INTO WebhookEvent (source, idempotencyKey, receivedAt, payload, status, result, customerId)
     VALUES ('paypro', ?, ?, ?, ?, 'r', ?)`,
  );
  insert.run('old-processed', now - 100 * DAY, 'ORDER_ID=1&CUSTOMER_EMAIL=a%40b.example', 'processed', 7);
  insert.run(null, now - 100 * DAY, '', 'rejected', null);
  insert.run(null, now - 100 * DAY, 'ORDER_ID=1', 'duplicate', 7);
  insert.run('new-processed', now - DAY, 'ORDER_ID=2', 'processed', 7);
  insert.run(null, now - DAY, '', 'rejected', null);
  const audit = db.sqlite.prepare(
    `INSERT INTO AuditLog (at, actor, action) VALUES (?, 'webhook', 'webhook.rejected')`,
  );
  audit.run(now - 400 * DAY);
  audit.run(now - DAY);

  expect(await caller.jobs.runNow({ name: 'webhook-events.purge' })).toEqual({
    status: 'ok',
    summary: 'deleted 2 refused or duplicate requests, emptied 1 payloads older than 90 days',
  });
  expect(
    db.sqlite
      .prepare('SELECT idempotencyKey, payload, customerId, status FROM WebhookEvent ORDER BY id')
      .all(),
  ).toEqual([
    { idempotencyKey: 'old-processed', payload: '', customerId: null, status: 'processed' },
    { idempotencyKey: 'new-processed', payload: 'ORDER_ID=2', customerId: 7n, status: 'processed' },
    { idempotencyKey: null, payload: '', customerId: null, status: 'rejected' },
  ]);
  expect(await caller.jobs.runNow({ name: 'audit-log.purge' })).toMatchObject({
    summary: expect.stringMatching(/^deleted 1 audit entries older than 365 days/),
  });
});
