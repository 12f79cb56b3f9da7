// Writes of the access-log import: additive upserts into the daily aggregate tables (statements in
// ../sql/access-log.ts), the file's new position (web-log-files.ts) in the same transaction, and the
// ImportRun row (kept by @keydesk/db).
import {
  finishImportRun as finishRun,
  reportImportPosition,
  restartImportRunOf,
  saveImportProgress,
} from '@keydesk/db';
import type Database from 'better-sqlite3';
import {
  addBotDay,
  addBrowserDay,
  addCountryDay,
  addDownloadDay,
  addReferrerDay,
} from '../sql/access-log.ts';
import type { DayCounters } from './log-aggregator.ts';
import { BROWSER_KEY_SEPARATOR } from './user-agent.ts';
import { createLogFileAdvancer } from './web-log-files.ts';

/** in: `lines` = stored + duplicates + refused. */
export type RunCounts = {
  lines: number;
  /** Taken into the day's figures (a page view, a download, a bot, or a request no figure counts). */
  stored: number;
  /** Already taken by an earlier import of the same file. */
  duplicates: number;
  /** Not read as a log line, each with a reason. */
  refused: number;
  bytesDone: number;
};

export type FilePosition = Parameters<ReturnType<typeof createLogFileAdvancer>>[0];

export function createAccessLogWriter(sqlite: Database.Database) {
  const advanceFile = createLogFileAdvancer(sqlite);

  /** Adds one batch of counters, the file's position after its lines and the run's progress at once. */
  const flush = sqlite.transaction(
    (pending: Map<string, DayCounters>, position: FilePosition, runId: number, counts: RunCounts) => {
      for (const [day, c] of pending) {
        for (const [country, [pageViews, visitors]] of c.countries)
          addCountryDay.run(sqlite, { day, country, pageViews, visitors });
        for (const [key, [pageViews, visitors]] of c.browsers) {
          const [browser = '', browserVersion = '', os = ''] = key.split(BROWSER_KEY_SEPARATOR);
          addBrowserDay.run(sqlite, { day, browser, browserVersion, os, pageViews, visitors });
        }
        for (const [domain, pageViews] of c.referrers) addReferrerDay.run(sqlite, { day, domain, pageViews });
        for (const [bot, requests] of c.bots) addBotDay.run(sqlite, { day, bot, requests });
        for (const [file, downloads] of c.downloads) addDownloadDay.run(sqlite, { day, file, downloads });
      }
      advanceFile(position);
      // Refused lines are listed when the run finishes; the stored list is left as it is.
      saveImportProgress(sqlite, runId, {
        bytesDone: counts.bytesDone,
        itemsDone: counts.lines,
        created: counts.stored,
        skipped: counts.duplicates,
        rejected: counts.refused,
      });
    },
  );
  /** Progress for the UI between checkpoints; counts are committed only by flush. */
  const reportProgress = (runId: number, counts: RunCounts) =>
    reportImportPosition(sqlite, runId, { bytesDone: counts.bytesDone, itemsDone: counts.lines });
  return { flush, reportProgress };
}

export const STOPPED_RUN =
  'stopped before the end (its process ended); a later import went on from its last commit';

/**
 * One ImportRun row per file and start position (`log-file:<WebLogFile id>:<byte>`), so each import
 * that read something new keeps its own counts and refused lines; a rerun that finds nothing new
 * replaces the previous such row. A run of the same file still marked running was cut off.
 */
export function startImportRun(
  sqlite: Database.Database,
  options: { fileId: number; startAt: number; source: string; bytesTotal: number; now: Date },
): number {
  return restartImportRunOf(sqlite, {
    kind: 'access-log',
    fingerprint: `log-file:${options.fileId}:${options.startAt}`,
    source: options.source,
    bytesTotal: options.bytesTotal,
    now: options.now,
    stoppedPrefix: `log-file:${options.fileId}:`,
    stoppedErrors: JSON.stringify([{ line: 0, reason: STOPPED_RUN }]),
  });
}

export function finishImportRun(
  sqlite: Database.Database,
  options: {
    id: number;
    status: 'completed' | 'failed';
    errors: { line: number; reason: string }[];
    now: Date;
  },
): void {
  finishRun(sqlite, options.id, {
    status: options.status,
    now: options.now,
    errors: options.errors.length ? JSON.stringify(options.errors) : null,
  });
}
