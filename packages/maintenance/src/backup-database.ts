import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { DomainError } from '@keydesk/db';
import Database from 'better-sqlite3';
import { latestErasureAt } from './sql/retention.ts';

export type BackupFile = { name: string; file: string; bytes: number; createdAt: Date };
export class BackupCheckError extends DomainError {
  readonly kind = 'invalid';
}

const BACKUP_NAME = /^keydesk-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(-\d{3})?Z\.db$/;

/** Backups live in a folder beside the database, so moving the data folder moves them too. */
export function backupFolder(dbFile: string): string {
  return path.join(path.dirname(dbFile), 'backups');
}

export function backupFileName(now: Date): string {
  return `keydesk-${now.toISOString().replace(/:/g, '-').replace('.', '-')}.db`;
}

/** Opens a copy read-only and runs SQLite's full integrity check; 'ok' or the first problems. */
export function checkDatabaseFile(file: string): string {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = copy.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    copy.close();
  }
}

/**
 * Writes a consistent copy of the live database with SQLite's online backup, which copies pages
 * in steps so the server keeps answering, then checks the copy and only then gives it its name.
 */
export async function backupDatabase(options: {
  sqlite: Database.Database;
  dbFile: string;
  now: Date;
  keep?: number;
  folder?: string;
}): Promise<{ backup: BackupFile; removed: string[] }> {
  const folder = options.folder ?? backupFolder(options.dbFile);
  mkdirSync(folder, { recursive: true });
  const name = backupFileName(options.now);
  const partial = path.join(folder, `${name}.partial`);
  rmSync(partial, { force: true });
  try {
    await options.sqlite.backup(partial, { progress: restartGuard() });
    // A standalone single file: the copy must not depend on a -wal beside it.
    const copy = new Database(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const check = checkDatabaseFile(partial);
    if (check !== 'ok') throw new BackupCheckError(`The backup copy failed its integrity check: ${check}`);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const file = path.join(folder, name);
  renameSync(partial, file);
  const removed = options.keep ? pruneBackups(folder, options.keep) : [];
  const stat = statSync(file);
  return { backup: { name, file, bytes: stat.size, createdAt: options.now }, removed };
}

/**
 * Copies 100 pages per step so the server's own requests run between steps. A write from another
 * connection (say, the CLI while the server serves) restarts the copy; after a few restarts the
 * rest is copied in one step, inside one read transaction, which WAL writers do not wait for.
 */
function restartGuard(): (progress: { totalPages: number; remainingPages: number }) => number {
  let lastRemaining = Number.POSITIVE_INFINITY;
  let restarts = 0;
  return ({ remainingPages }) => {
    if (remainingPages > lastRemaining) restarts++;
    lastRemaining = remainingPages;
    return restarts >= 3 ? 0x7fffffff : 100;
  };
}

export function listBackups(folder: string): BackupFile[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => BACKUP_NAME.test(name))
    .map((name) => {
      const file = path.join(folder, name);
      const stat = statSync(file);
      return { name, file, bytes: stat.size, createdAt: stat.mtime };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** Keeps the newest `keep` dated backups; files the owner put there by other names are left alone. */
export function pruneBackups(folder: string, keep: number): string[] {
  const old = listBackups(folder).slice(Math.max(1, keep));
  for (const b of old) rmSync(b.file, { force: true });
  return old.map((b) => b.name);
}

/** When a backup was made, from its name (copying a file changes its mtime, not its name). */
export function backupMadeAt(backup: BackupFile): Date {
  const stamp = /^keydesk-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:-(\d{3}))?Z\.db$/.exec(backup.name);
  if (!stamp) return backup.createdAt;
  return new Date(`${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}.${stamp[5] ?? '000'}Z`);
}

/** The moment of the latest customer erasure (from the audit log), or null when none happened. */
export function findLatestErasureAt(sqlite: Database.Database): Date | null {
  const at = latestErasureAt.get(sqlite)?.at ?? null;
  return at === null ? null : new Date(at);
}

export type BackupsHoldingErasedData = { latestErasureAt: Date | null; backups: BackupFile[] };

/**
 * Backups made before the latest erasure still hold the people erased since: the privacy promise
 * reaches them only once they are replaced.
 */
export function findBackupsHoldingErasedData(options: {
  sqlite: Database.Database;
  dbFile: string;
  folder?: string;
}): BackupsHoldingErasedData {
  const latestErasureAt = findLatestErasureAt(options.sqlite);
  if (!latestErasureAt) return { latestErasureAt, backups: [] };
  const folder = options.folder ?? backupFolder(options.dbFile);
  const backups = listBackups(folder).filter((b) => backupMadeAt(b) <= latestErasureAt);
  return { latestErasureAt, backups };
}

/**
 * Writes a fresh checked backup first, then deletes the backups made before the latest erasure:
 * at no moment is there no good backup.
 */
export async function replaceBackupsHoldingErasedData(options: {
  sqlite: Database.Database;
  dbFile: string;
  now: Date;
  folder?: string;
}): Promise<{ backup: BackupFile; removed: string[] }> {
  const { backups } = findBackupsHoldingErasedData(options);
  const { backup } = await backupDatabase(options);
  const removed: string[] = [];
  for (const old of backups) {
    if (old.name === backup.name) continue;
    rmSync(old.file, { force: true });
    removed.push(old.name);
  }
  return { backup, removed };
}
