// The access-log import's statements: what was read of each file (WebLogFile, see
// ../access-log/web-log-files.ts) and the additive upserts into the daily aggregate tables. Only
// days, names, hashes and numbers are bound here.
import { sql } from '@keydesk/db';

export type LogFileRow = { id: number; bytesTaken: number; linesTaken: number; headLength: number };

export const knownHeadLengths = sql<{ headLength: number }, { atMost: number }>(
  'SELECT DISTINCT headLength FROM WebLogFile WHERE headLength <= @atMost ORDER BY headLength DESC',
);

export const logFileByHead = sql<LogFileRow, { headHash: string; headLength: number }>(
  'SELECT id, bytesTaken, linesTaken, headLength FROM WebLogFile WHERE headHash = @headHash AND headLength = @headLength',
);

/** A file the importer before WebLogFile read whole: known by its raw bytes' hash and its size. */
export const legacyWholeLogFile = sql<LogFileRow, { headHash: string; headLength: number; size: number }>(
  `SELECT id, bytesTaken, linesTaken, headLength FROM WebLogFile
   WHERE rawHead = 1 AND headHash = @headHash AND headLength = @headLength AND bytesTaken = @size`,
);

export const insertLogFile = sql<
  { id: number },
  { headHash: string; headLength: number; name: string; source: string; now: number }
>(
  `INSERT INTO WebLogFile (headHash, headLength, rawHead, bytesTaken, linesTaken, name, source, updatedAt)
   VALUES (@headHash, @headLength, 0, 0, 0, @name, @source, @now) RETURNING id`,
);

/** Changes nothing when the row moved since `expectedBytes` (another import of the file runs). */
export const advanceLogFile = sql<
  never,
  { id: number; expectedBytes: number; bytesTaken: number; linesTaken: number; name: string; now: number }
>(
  `UPDATE WebLogFile SET bytesTaken = @bytesTaken, linesTaken = @linesTaken, name = @name, updatedAt = @now, rawHead = 0
   WHERE id = @id AND bytesTaken = @expectedBytes`,
);

// A file first seen small is known by fewer bytes; once it has grown, the full head is kept.
// A row migrated from the old importer learns its text hash on its first advance.
export const lengthenLogFileHead = sql<never, { id: number; headHash: string; headLength: number }>(
  `UPDATE OR IGNORE WebLogFile SET headHash = @headHash, headLength = @headLength
   WHERE id = @id AND (headLength < @headLength OR rawHead = 1)`,
);

type Views = { day: string; pageViews: number };

export const addCountryDay = sql<never, Views & { country: string; visitors: number }>(
  `INSERT INTO WebDailyCountry (day, country, pageViews, visitors) VALUES (@day, @country, @pageViews, @visitors)
   ON CONFLICT (day, country) DO UPDATE SET pageViews = pageViews + excluded.pageViews, visitors = visitors + excluded.visitors`,
);

export const addBrowserDay = sql<
  never,
  Views & { browser: string; browserVersion: string; os: string; visitors: number }
>(
  `INSERT INTO WebDailyBrowser (day, browser, browserVersion, os, pageViews, visitors)
   VALUES (@day, @browser, @browserVersion, @os, @pageViews, @visitors)
   ON CONFLICT (day, browser, browserVersion, os) DO UPDATE SET pageViews = pageViews + excluded.pageViews, visitors = visitors + excluded.visitors`,
);

export const addReferrerDay = sql<never, Views & { domain: string }>(
  `INSERT INTO WebDailyReferrer (day, domain, pageViews) VALUES (@day, @domain, @pageViews)
   ON CONFLICT (day, domain) DO UPDATE SET pageViews = pageViews + excluded.pageViews`,
);

export const addBotDay = sql<never, { day: string; bot: string; requests: number }>(
  `INSERT INTO WebDailyBot (day, bot, requests) VALUES (@day, @bot, @requests)
   ON CONFLICT (day, bot) DO UPDATE SET requests = requests + excluded.requests`,
);

export const addDownloadDay = sql<never, { day: string; file: string; downloads: number }>(
  `INSERT INTO DownloadDaily (day, file, downloads) VALUES (@day, @file, @downloads)
   ON CONFLICT (day, file) DO UPDATE SET downloads = downloads + excluded.downloads`,
);
