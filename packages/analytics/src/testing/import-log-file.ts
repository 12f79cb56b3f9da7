// Test-only: one access log imported the way the CLI imports it, with the accounting every import
// must keep checked on the way.
import type { Db } from '@keydesk/db';
import { expect } from 'vitest';
import { type AccessLogFileResult, importAccessLogs } from '../access-log/import-access-log.ts';

/** Imports `file` with /download/ as the download path and no own domains; no line goes unaccounted. */
export async function importLogFile(db: Db, file: string, now: Date): Promise<AccessLogFileResult> {
  const [result] = await importAccessLogs({
    db,
    now: () => now,
    files: [file],
    downloadPaths: ['/download/'],
    ownDomains: [],
  });
  if (!result) throw new Error('no result');
  expect(result.lines).toBe(result.stored + result.duplicates + result.refused);
  return result;
}
