// Imports started from the web UI: run in the background of the server process, one at a time;
// the page follows them through their ImportRun rows.
import { stat } from 'node:fs/promises';
import { type Db, listImportRuns } from '@keydesk/db';
import { readAccessLogSettings, type SettingsReader } from '../analytics-settings.ts';
import { importAccessLogs } from './import-access-log.ts';

let running: Promise<unknown> | null = null;

export type StartImportResult = { started: boolean; message: string };

export async function startAccessLogImport(options: {
  db: Db;
  now: () => Date;
  settings: SettingsReader;
  paths: string[];
  onError: (message: string) => void;
}): Promise<StartImportResult> {
  if (running) return { started: false, message: 'An import is already running; wait for it to finish.' };
  for (const path of options.paths) {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return { started: false, message: `No readable file at ${path} on the server.` };
  }
  running = importAccessLogs({
    db: options.db,
    now: options.now,
    files: options.paths,
    ...readAccessLogSettings(options.settings),
  })
    .catch((error: Error) => options.onError(error.message))
    .finally(() => {
      running = null;
    });
  return { started: true, message: `Importing ${options.paths.length} file(s).` };
}

export function listAccessLogRuns(options: { db: Db; limit: number }) {
  const rows = listImportRuns(options.db, { kind: 'access-log', limit: options.limit });
  return rows.map(({ kind: _kind, updated: _updated, errors, ...row }) => {
    const list = errors ? (JSON.parse(errors) as { line: number; reason: string }[]) : [];
    // A failed run lists why it stopped first, before its refused lines.
    return { ...row, firstError: row.status === 'failed' ? (list[0]?.reason ?? null) : null };
  });
}
