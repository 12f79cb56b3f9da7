import { randomUUID } from 'node:crypto';
import type { TestDb } from '@keydesk/db/testing';
import { describe, expect, it } from 'vitest';
import { createTestOwner } from './http-test-server.ts';
import { createOwnerCaller } from './owner-caller.ts';
import { useTestDb } from './test-db.ts';

describe('mail.sendTest', () => {
  let db: TestDb;
  useTestDb('all', async (opened) => {
    db = opened;
    await createTestOwner(db);
  });

  it('says what is missing while mail is not set up, and queues nothing', async () => {
    const caller = createOwnerCaller(db);
    await expect(caller.mail.sendTest({ requestId: randomUUID() })).rejects.toThrow(/SMTP server/);
    expect((await caller.mail.outbox.find({ limit: 10 })).items).toEqual([]);
  });

  it("queues one test email to the owner's address per request, which outbox.get follows", async () => {
    const caller = createOwnerCaller(db, {
      mailFallback: { smtpUrl: 'smtp://127.0.0.1:2525', from: 'Support <support@keydesk.example>' },
    });
    const requestId = randomUUID();
    const first = await caller.mail.sendTest({ requestId });
    const again = await caller.mail.sendTest({ requestId });
    expect(again.outboxId).toBe(first.outboxId);
    expect(first.toAddress).toBe('owner@keydesk.test');
    const row = await caller.mail.outbox.get({ id: first.outboxId });
    expect(row).toMatchObject({
      kind: 'test',
      toAddress: 'owner@keydesk.test',
      status: 'queued',
      customerId: null,
    });
    expect(await caller.mail.outbox.get({ id: first.outboxId + 1000 })).toBeNull();
  });
});
