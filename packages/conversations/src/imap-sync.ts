// IMAP sync with imapflow. Gmail (X-GM-EXT-1) syncs its `\All` folder and keeps Gmail's
// message and thread ids; other servers sync INBOX and `\Sent`. Incremental per folder on
// (UIDVALIDITY, last UID); when UIDVALIDITY changes the folder is read again from the start and
// Message-IDs keep every message stored once.
import { UNSUBSCRIBE_SECRET_SETTING } from '@keydesk/announcements';
import type { Db } from '@keydesk/db';
import { DomainError } from '@keydesk/db';
import type { ListResponse } from 'imapflow';
import { MalformedEmailError, type ParsedEmail, parseEmail } from './parse-email.ts';
import { recordSyncError, saveSyncState, syncStateOf } from './sql/mailbox-sync.ts';
import { DEFAULT_MAX_ATTACHMENT_BYTES, type EmailIntakeOptions, storeEmail } from './store-emails.ts';

export type ImapAccount = {
  host: string;
  port: number;
  user: string;
  password: string;
  /** TLS from the start (993). Otherwise STARTTLS when offered. */
  secure?: boolean;
  /** Test servers without TLS set this to false; never for a real account. */
  requireTls?: boolean;
};

export type SyncMailboxOptions = EmailIntakeOptions & {
  account: ImapAccount;
  unsubscribeSecret?: string | null;
};

export type FolderSyncResult = {
  folder: string;
  fetched: number;
  created: number;
  duplicates: number;
  rejected: number;
  /** Why each refused message was refused: fetched = created + duplicates + rejected. */
  problems: { uid: number; reason: string }[];
  resynced: boolean;
};

export type SyncMailboxResult = { gmail: boolean; folders: FolderSyncResult[] };

export async function syncMailbox(options: SyncMailboxOptions): Promise<SyncMailboxResult> {
  const { account } = options;
  // Loaded on first use: the server starts without the IMAP client in memory.
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({
    host: account.host,
    port: account.port,
    secure: account.secure ?? account.port === 993,
    doSTARTTLS: account.requireTls === false ? false : undefined,
    auth: { user: account.user, pass: account.password },
    logger: false,
    disableAutoIdle: true,
  });
  await client.connect();
  try {
    const gmail = client.capabilities.has('X-GM-EXT-1');
    const folders = chooseFolders(await client.list(), gmail);
    const results: FolderSyncResult[] = [];
    for (const folder of folders) results.push(await syncFolder(client, folder, gmail, options));
    return { gmail, folders: results };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Gmail: the `\All` folder holds every message once. Elsewhere: INBOX and the Sent folder. */
export function chooseFolders(list: ListResponse[], gmail: boolean): string[] {
  const all = list.find((f) => f.specialUse === '\\All');
  if (gmail && all) return [all.path];
  const sent = list.find((f) => f.specialUse === '\\Sent');
  return ['INBOX', ...(sent ? [sent.path] : [])];
}

type SyncState = { uidValidity: string; lastUid: number };

async function syncFolder(
  client: import('imapflow').ImapFlow,
  folder: string,
  gmail: boolean,
  options: SyncMailboxOptions,
): Promise<FolderSyncResult> {
  const { db } = options;
  const accountKey = `${options.account.user}@${options.account.host}`;
  const ownAddresses = new Set(
    [options.account.user, ...(options.ownAddresses ?? [])].map((a) => a.toLowerCase()),
  );
  const lock = await client.getMailboxLock(folder, { readOnly: true });
  const result: FolderSyncResult = {
    folder,
    fetched: 0,
    created: 0,
    duplicates: 0,
    rejected: 0,
    problems: [],
    resynced: false,
  };
  try {
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error(`Could not open ${folder}.`);
    const uidValidity = String(mailbox.uidValidity);
    const state = readState(db, accountKey, folder);
    let lastUid = state?.lastUid ?? 0;
    if (state && state.uidValidity !== uidValidity) {
      result.resynced = true; // UIDs from before mean nothing now
      lastUid = 0;
    }
    saveState(db, accountKey, folder, { uidValidity, lastUid }, options.now(), null);
    if (mailbox.exists === 0) return result;

    let batch: { uid: number; parsed: ParsedEmail | null }[] = [];
    const commit = () => {
      if (batch.length === 0) return;
      const items = batch;
      batch = [];
      const now = options.now();
      db.sqlite.transaction(() => {
        for (const item of items) {
          lastUid = Math.max(lastUid, item.uid);
          if (!item.parsed) continue;
          const stored = storeEmail(db, item.parsed, {
            source: 'imap',
            ownAddresses,
            now,
            unsubscribeSecret: options.unsubscribeSecret ?? null,
          });
          if (stored === 'created') result.created++;
          else result.duplicates++;
        }
        saveState(db, accountKey, folder, { uidValidity, lastUid }, now, null);
      })();
    };
    const query = { source: true, uid: true, emailId: gmail, threadId: gmail, internalDate: true };
    for await (const message of client.fetch({ uid: `${lastUid + 1}:*` }, query, { uid: true })) {
      // `N:*` always includes the highest UID, even when it is below N.
      if (message.uid <= lastUid || !message.source) continue;
      result.fetched++;
      let parsed: ParsedEmail | null = null;
      try {
        parsed = await parseEmail(message.source, {
          maxAttachmentBytes: options.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES,
          fallbackDate: message.internalDate instanceof Date ? message.internalDate : null,
          gmailThreadId: gmail ? (message.threadId ?? null) : null,
          gmailMessageId: gmail ? (message.emailId ?? null) : null,
        });
      } catch (error) {
        if (!(error instanceof MalformedEmailError)) throw error;
        result.rejected++;
        result.problems.push({ uid: message.uid, reason: `refused, not an email: ${error.message}` });
      }
      batch.push({ uid: message.uid, parsed });
      if (batch.length >= (options.batchSize ?? 200)) commit();
    }
    commit();
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    recordSyncError.run(db, { account: accountKey, folder, lastError: message.slice(0, 500) });
    throw error;
  } finally {
    lock.release();
  }
}

function readState(db: Db, account: string, folder: string): SyncState | null {
  return syncStateOf.get(db, { account, folder }) ?? null;
}

function saveState(
  db: Db,
  account: string,
  folder: string,
  state: SyncState,
  now: Date,
  error: string | null,
): void {
  saveSyncState.run(db, {
    account,
    folder,
    uidValidity: state.uidValidity,
    lastUid: state.lastUid,
    lastSyncAt: now.getTime(),
    lastError: error,
  });
}

export type SettingsReader = { get(key: string): string | null; getSecret(key: string): string | null };

export class MailboxNotConfiguredError extends DomainError {
  readonly kind = 'precondition';
}

/** Settings keys: `imap.host`, `imap.port`, `imap.user` (plain) and `imap.password` (secret). */
export function imapAccountFromSettings(settings: SettingsReader): ImapAccount {
  const host = settings.get('imap.host');
  const user = settings.get('imap.user');
  const password = settings.getSecret('imap.password');
  if (!host || !user || !password) {
    throw new MailboxNotConfiguredError('Set the IMAP host, user and app password in Settings first.');
  }
  const port = Number(settings.get('imap.port') ?? 993);
  return { host, user, password, port: Number.isInteger(port) && port > 0 ? port : 993 };
}

/** Sync the configured mailbox: the on-demand procedure and the scheduled job both call this. */
export async function syncConfiguredMailbox(options: {
  db: Db;
  settings: SettingsReader;
  now: () => Date;
}): Promise<SyncMailboxResult> {
  const account = imapAccountFromSettings(options.settings);
  // Read only: with no secret yet no announcement was sent, so no email can carry a token.
  const unsubscribeSecret = options.settings.getSecret(UNSUBSCRIBE_SECRET_SETTING);
  return syncMailbox({ db: options.db, account, now: options.now, unsubscribeSecret });
}

export function mailboxSyncStates(db: Db) {
  return db.prisma.mailboxSyncState.findMany({
    select: { account: true, folder: true, lastUid: true, lastSyncAt: true, lastError: true },
    orderBy: [{ account: 'asc' }, { folder: 'asc' }],
  });
}
