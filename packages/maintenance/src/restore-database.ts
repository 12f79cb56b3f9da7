import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { DomainError } from '@keydesk/db';
import Database from 'better-sqlite3';
import { BackupCheckError, checkDatabaseFile } from './backup-database.ts';
import { runningServerPid } from './server-pid-file.ts';

export class RestoreRefusedError extends DomainError {
  readonly kind = 'precondition';
}

/**
 * Puts a backup in place of the database. Refuses while the server runs (it holds the file
 * open and would keep writing to the replaced one). The replaced database is kept aside.
 */
export function restoreDatabase(options: { backupFile: string; dbFile: string; now: Date }): {
  replacedFile: string | null;
} {
  const { backupFile, dbFile } = options;
  if (!existsSync(backupFile)) throw new RestoreRefusedError(`There is no file ${backupFile}.`);
  const pid = runningServerPid(dbFile);
  if (pid !== null) {
    throw new RestoreRefusedError(
      `The Keydesk server (process ${pid}) is running; stop it first, then restore.`,
    );
  }
  const check = checkDatabaseFile(backupFile);
  if (check !== 'ok') throw new BackupCheckError(`${backupFile} failed its integrity check: ${check}`);

  let replacedFile: string | null = null;
  if (existsSync(dbFile)) {
    // Fold the WAL into the file first, so the copy kept aside is whole on its own.
    const current = new Database(dbFile);
    current.pragma('wal_checkpoint(TRUNCATE)');
    current.pragma('journal_mode = DELETE');
    current.close();
    replacedFile = `${dbFile}.replaced-${options.now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dbFile, replacedFile);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
  const incoming = `${dbFile}.restoring`;
  copyFileSync(backupFile, incoming);
  renameSync(incoming, dbFile);
  return { replacedFile };
}
