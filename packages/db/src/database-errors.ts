// SQLite's own messages ("database or disk is full", "database is locked") name no remedy.
// Both arrive before COMMIT, so the transaction is rolled back and nothing is half-written.
const MESSAGES: Record<string, string> = {
  SQLITE_FULL: 'The disk holding the database is full, so nothing was saved. Free some space and try again.',
  SQLITE_BUSY:
    'The database is busy: another program holds a write lock, so nothing was saved. Try again in a moment.',
  SQLITE_LOCKED: 'The database is locked by another operation, so nothing was saved. Try again in a moment.',
  SQLITE_READONLY: 'The database file cannot be written (read-only file or folder), so nothing was saved.',
  SQLITE_IOERR:
    'The disk reported an input/output error, so nothing was saved. Check the disk and try again.',
};

/** A clear sentence for storage failures the owner can act on, or null for any other error. */
export function describeDatabaseError(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const base = code.split('_').slice(0, 2).join('_');
  return MESSAGES[code] ?? MESSAGES[base] ?? null;
}
