import { createTestDb, type TestDb } from '@keydesk/db/testing';
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseFolders, syncMailbox } from './imap-sync.ts';
import {
  type Dovecot,
  IMAP_USER,
  imapAccount,
  startDovecot,
  withImapClient,
} from './test-fixtures/dovecot.ts';

let dovecot: Dovecot;
let db: TestDb;
beforeAll(async () => {
  dovecot = await startDovecot();
  db = await createTestDb();
});
afterAll(async () => {
  await db?.destroy();
  await dovecot?.stop();
});

function message(id: string, subject: string, from = 'erin@example.com'): string {
  return [
    `From: Erin <${from}>`,
    `To: ${IMAP_USER}`,
    `Subject: ${subject}`,
    `Date: Mon, 06 Jan 2025 10:00:00 +0000`,
    `Message-ID: <${id}@example.com>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Body of ${subject}`,
    '',
  ].join('\r\n');
}

const withClient = (work: (client: ImapFlow) => Promise<void>) => withImapClient(dovecot, work);

const sync = () => syncMailbox({ db, account: imapAccount(dovecot), now: () => new Date() });

const countMessages = () =>
  (db.sqlite.prepare('SELECT COUNT(*) AS n FROM EmailMessage').safeIntegers(false).get() as { n: number }).n;

describe('syncMailbox against a real Dovecot', () => {
  it('syncs, then only new mail, then safely across a UIDVALIDITY change', async () => {
    await withClient(async (c) => {
      for (const i of [1, 2, 3]) await c.append('INBOX', message(`in-${i}`, `Question ${i}`));
      await c.append('Sent', message('sent-1', 'Re: Question 1', IMAP_USER));
    });
    const first = await sync();
    expect(first.gmail).toBe(false);
    expect(first.folders.map((f) => [f.folder, f.created])).toEqual([
      ['INBOX', 3],
      ['Sent', 1],
    ]);
    const outbound = db.sqlite
      .prepare(`SELECT isInbound FROM EmailMessage WHERE messageId = 'sent-1@example.com'`)
      .safeIntegers(false)
      .get();
    expect(outbound).toEqual({ isInbound: 0 });

    await withClient(async (c) => {
      for (const i of [4, 5]) await c.append('INBOX', message(`in-${i}`, `Question ${i}`));
    });
    const second = await sync();
    expect(second.folders.map((f) => [f.folder, f.fetched, f.created])).toEqual([
      ['INBOX', 2, 2],
      ['Sent', 0, 0],
    ]);
    expect((await sync()).folders.every((f) => f.fetched === 0)).toBe(true);

    // Recreating the folder gives it a new UIDVALIDITY; the old message comes back with a new UID.
    const before = db.sqlite
      .prepare(`SELECT uidValidity FROM MailboxSyncState WHERE folder = 'Sent'`)
      .safeIntegers(false)
      .get() as { uidValidity: string };
    await withClient(async (c) => {
      await c.mailboxDelete('Sent');
      await c.mailboxCreate('Sent');
      await c.append('Sent', message('sent-1', 'Re: Question 1', IMAP_USER));
      await c.append('Sent', message('sent-2', 'Re: Question 2', IMAP_USER));
    });
    const third = await sync();
    const sent = third.folders.find((f) => f.folder === 'Sent');
    expect(sent).toMatchObject({ resynced: true, fetched: 2, created: 1, duplicates: 1 });
    const after = db.sqlite
      .prepare(`SELECT uidValidity, lastUid FROM MailboxSyncState WHERE folder = 'Sent'`)
      .safeIntegers(false)
      .get() as { uidValidity: string; lastUid: number };
    expect(after.uidValidity).not.toBe(before.uidValidity);
    expect(countMessages()).toBe(7);
    const dupes = db.sqlite
      .prepare('SELECT messageId, COUNT(*) AS n FROM EmailMessage GROUP BY messageId HAVING n > 1')
      .all();
    expect(dupes).toEqual([]);
  });
});

describe('syncMailbox with mail that lacks what it should carry', () => {
  it('dates a message without a usable Date by INTERNALDATE and refuses a non-message with its UID', async () => {
    const internalDate = new Date('2024-03-05T06:07:08Z');
    await withClient(async (c) => {
      await c.append(
        'INBOX',
        'From: odd@example.com\r\nSubject: No date at all\r\nDate: soon\r\n\r\nHi\r\n',
        [],
        internalDate,
      );
      await c.append('INBOX', 'this is not an email, just text\r\n', [], internalDate);
    });
    const result = await sync();
    const inbox = result.folders.find((f) => f.folder === 'INBOX');
    expect(inbox).toMatchObject({ fetched: 2, created: 1, duplicates: 0, rejected: 1 });
    expect(inbox?.problems).toEqual([
      { uid: expect.any(Number), reason: expect.stringMatching(/^refused, not an email/) },
    ]);
    const row = db.sqlite
      .prepare(`SELECT sentAt FROM EmailMessage WHERE subject = 'No date at all'`)
      .safeIntegers(false)
      .get() as { sentAt: number };
    expect(row.sentAt).toBe(internalDate.getTime());
  });
});

describe('chooseFolders', () => {
  it("takes Gmail's \\All folder by attribute, whatever its name", () => {
    const list = [
      { path: 'INBOX', specialUse: '\\Inbox' },
      { path: '[Google Mail]/Alle Nachrichten', specialUse: '\\All' },
      { path: '[Google Mail]/Gesendet', specialUse: '\\Sent' },
    ] as Parameters<typeof chooseFolders>[0];
    expect(chooseFolders(list, true)).toEqual(['[Google Mail]/Alle Nachrichten']);
    expect(chooseFolders(list, false)).toEqual(['INBOX', '[Google Mail]/Gesendet']);
  });
});
