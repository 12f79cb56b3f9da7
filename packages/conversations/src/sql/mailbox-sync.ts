// Where the IMAP sync of each account and folder stands (MailboxSyncState): the folder's
// UIDVALIDITY and the last UID stored, so a sync fetches only what is new.
import { sql } from '@keydesk/db';

type Folder = { account: string; folder: string };

export const syncStateOf = sql<{ uidValidity: string; lastUid: number }, Folder>(
  'SELECT uidValidity, lastUid FROM MailboxSyncState WHERE account = @account AND folder = @folder',
);

export const saveSyncState = sql<
  never,
  Folder & { uidValidity: string; lastUid: number; lastSyncAt: number; lastError: string | null }
>(
  `INSERT INTO MailboxSyncState (account, folder, uidValidity, lastUid, lastSyncAt, lastError)
   VALUES (@account, @folder, @uidValidity, @lastUid, @lastSyncAt, @lastError)
   ON CONFLICT (account, folder) DO UPDATE SET uidValidity = excluded.uidValidity,
     lastUid = excluded.lastUid, lastSyncAt = excluded.lastSyncAt, lastError = excluded.lastError`,
);

export const recordSyncError = sql<never, Folder & { lastError: string }>(
  'UPDATE MailboxSyncState SET lastError = @lastError WHERE account = @account AND folder = @folder',
);
