// Writes of the access-log import: additive upserts into the daily aggregate tables, the file's new
// position (web-log-files.ts) in the same transaction, and the ImportRun row. Only days, names and
// numbers are bound here.
import {
  finishImportRun as finishRun,
  reportImportPosition,
  restartImportRunOf,
  saveImportProgress,
} from '@keydesk/db';
import type Database from 'better-sqlite3';
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
  const country = sqlite.prepare(
    `INSERT INTO WebDailyCountry (day, country, pageViews, visitors) VALUES (?, ?, ?, ?)
     ON CONFLICT (day, country) DO UPDATE SET pageViews = pageViews + excluded.pageViews, visitors = visitors + excluded.visitors`,
  );
  const browser = sqlite.prepare(
    `INSERT INTO WebDailyBrowser (day, browser, browserVersion, os, pageViews, visitors) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (day, browser, browserVersion, os) DO UPDATE SET pageViews = pageViews + excluded.pageViews, visitors = visitors + excluded.visitors`,
  );
  const referrer = sqlite.prepare(
    `INSERT INTO WebDailyReferrer (day, domain, pageViews) VALUES (?, ?, ?)
     ON CONFLICT (day, domain) DO UPDATE SET pageViews = pageViews + excluded.pageViews`,
  );
  const bot = sqlite.prepare(
    `INSERT INTO WebDailyBot (day, bot, requests) VALUES (?, ?, ?)
     ON CONFLICT (day, bot) DO UPDATE SET requests = requests + excluded.requests`,
  );
  const download = sqlite.prepare(
    `INSERT INTO DownloadDaily (day, file, downloads) VALUES (?, ?, ?)
     ON CONFLICT (day, file) DO UPDATE SET downloads = downloads + excluded.downloads`,
  );
  const advanceFile = createLogFileAdvancer(sqlite);

  /** Adds one batch of counters, the file's position after its lines and the run's progress at once. */
  const flush = sqlite.transaction(
    (pending: Map<string, DayCounters>, position: FilePosition, runId: number, counts: RunCounts) => {
      for (const [day, c] of pending) {
        for (const [key, [views, visitors]] of c.countries) country.run(day, key, views, visitors);
        for (const [key, [views, visitors]] of c.browsers) {
          const [name = '', version = '', os = ''] = key.split(BROWSER_KEY_SEPARATOR);
          browser.run(day, name, version, os, views, visitors);
        }
        for (const [key, views] of c.referrers) referrer.run(day, key, views);
        for (const [key, requests] of c.bots) bot.run(day, key, requests);
        for (const [key, n] of c.downloads) download.run(day, key, n);
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
