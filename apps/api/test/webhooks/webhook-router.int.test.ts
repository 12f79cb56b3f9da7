import type { TestDb } from '@keydesk/db/testing';
import { receivePayProWebhook } from '@keydesk/ingestion';
import { expect, it } from 'vitest';
import { createAnonymousCaller, createOwnerCaller } from '../owner-caller.ts';
import { useTestDb } from '../test-db.ts';

import { form, payProPairs, SECRETS } from './webhook-fixtures.ts';

let db: TestDb;
const secrets = { validationKey: SECRETS.payproValidation, secretKey: SECRETS.payproSecret };

useTestDb('all', (opened) => {
  db = opened;
});

it('lists received notifications newest first with cursor pages, and replays a verified one', async () => {
  const now = new Date();
  for (const orderId of [1, 2, 3])
    receivePayProWebhook({
      db,
      now,
      ip: '127.0.0.1',
      body: form(payProPairs({ orderId, type: 1 })),
      secrets,
    });
  receivePayProWebhook({ db, now, ip: '127.0.0.1', body: 'ORDER_ID=9', secrets });
  const caller = createOwnerCaller(db);
  const first = await caller.webhook.find({ limit: 2 });
  expect(first.items.map((e) => [e.status, e.canReplay])).toEqual([
    ['rejected', false],
    ['processed', true],
  ]);
  const second = await caller.webhook.find({ limit: 2, cursor: first.nextCursor });
  expect(second.items).toHaveLength(2);
  expect(second.nextCursor).toBeNull();
  expect((await caller.webhook.find({ status: 'rejected' })).items).toHaveLength(1);

  const processed = first.items[1];
  db.sqlite.prepare(`UPDATE "Order" SET status = 'pending' WHERE id = ?`).run(processed?.orderId ?? 0);
  const replayed = await caller.webhook.replay({ id: processed?.id ?? 0 });
  expect(replayed.result).toMatch(/updated order #\d+ \(completed\)/);
  await expect(caller.webhook.replay({ id: first.items[0]?.id ?? 0 })).rejects.toThrow(/never verified/);
  await expect(createAnonymousCaller(db).webhook.find({})).rejects.toThrow(/Sign in/);
});
