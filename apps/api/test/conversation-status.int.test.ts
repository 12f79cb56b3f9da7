// The owner marks a conversation done or reopens it; the list's "waiting for your reply" filter and
// the Overview's count follow, and a new message from the customer makes it wait again.
import { parseEmail, storeEmail } from '@keydesk/conversations';
import type { TestDb } from '@keydesk/db/testing';
import { describe, expect, it } from 'vitest';
import { createOwnerCaller } from './owner-caller.ts';
import { useTestDb } from './test-db.ts';

const OWN = 'support@keydesk.test';

async function receive(db: TestDb, lines: string[]) {
  const parsed = await parseEmail(Buffer.from(lines.join('\r\n')), {
    maxAttachmentBytes: 1000,
    fallbackDate: null,
  });
  db.sqlite.transaction(() =>
    storeEmail(db, parsed, { source: 'imap', ownAddresses: new Set([OWN]), now: new Date() }),
  )();
}

const question = [
  'From: Ann <ann@example.com>',
  `To: ${OWN}`,
  'Subject: Where is my key?',
  'Date: Mon, 02 Nov 2026 10:00:00 +0000',
  'Message-ID: <q1@example.com>',
  '',
  'I lost it.',
];

describe('conversation status', () => {
  let db: TestDb;
  useTestDb('each', (opened) => {
    db = opened;
  });

  it('done and reopened by the owner, waiting again when the customer writes', async () => {
    await receive(db, question);
    const caller = createOwnerCaller(db);
    const waiting = () =>
      caller.conversation.find({ onlyAwaitingReply: true }).then((r) => r.items.map((i) => i.id));
    const [thread] = (await caller.conversation.find({})).items;
    const id = thread?.id ?? 0;
    expect(await waiting()).toEqual([id]);
    expect((await caller.overview.get()).openConversations).toBe(1);

    await caller.conversation.setAwaitingReply({ kind: 'email', id, isAwaitingReply: false });
    expect((await caller.conversation.getThread({ id })).isAwaitingReply).toBe(false);
    expect(await waiting()).toEqual([]);
    expect((await caller.overview.get()).openConversations).toBe(0);
    // Still listed without the filter: done is not deleted.
    expect((await caller.conversation.find({})).items.map((i) => i.id)).toEqual([id]);

    await caller.conversation.setAwaitingReply({ kind: 'email', id, isAwaitingReply: true });
    expect(await waiting()).toEqual([id]);
    await caller.conversation.setAwaitingReply({ kind: 'email', id, isAwaitingReply: false });

    await receive(db, [
      'From: Ann <ann@example.com>',
      `To: ${OWN}`,
      'Subject: Re: Where is my key?',
      'Date: Tue, 03 Nov 2026 10:00:00 +0000',
      'Message-ID: <q2@example.com>',
      'In-Reply-To: <q1@example.com>',
      '',
      'Any news?',
    ]);
    expect(await waiting()).toEqual([id]);

    const actions = await db.prisma.auditLog.findMany({ select: { action: true }, orderBy: { id: 'asc' } });
    expect(actions.map((a) => a.action)).toEqual([
      'conversation.done',
      'conversation.reopen',
      'conversation.done',
    ]);
  });

  it('answers NOT_FOUND for a conversation that does not exist', async () => {
    await expect(
      createOwnerCaller(db).conversation.setAwaitingReply({ kind: 'chat', id: 999, isAwaitingReply: false }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
