// The update-check collector: one raw row per check, kept only for the retention period to spot
// abuse, then rolled into UpdateCheckDaily and deleted. The row holds the client's network (/24 or
// /48), which is all the abuse list needs, never the address itself; the user agent is not kept.
import type { Db } from '@keydesk/db';
import { networkOfIp } from '../access-log/ip-country.ts';
import { readUpdateCheckRetentionDays, type SettingsReader } from '../analytics-settings.ts';
import {
  deleteRawChecksBefore,
  insertRawCheck,
  keysFromManyNetworks,
  type PossibleAbuseRow,
  type RawCheck,
  rollUpRawChecks,
} from '../sql/update-checks.ts';
import { compareVersions, type UpdateCheck } from './update-check-schema.ts';

const DAY_MS = 86_400_000;

// Checks are written in batches: one transaction (one fsync) per batch instead of per request. At most
// FLUSH_AFTER_MS of checks are lost if the process dies, which a statistics feed can afford.
const FLUSH_AFTER_MS = 200;
const FLUSH_AT_ROWS = 500;
const buffers = new WeakMap<Db, { rows: RawCheck[]; timer: NodeJS.Timeout | null }>();

/** Writes every buffered check now (tests, shutdown, the roll-up job). */
export function flushUpdateChecks(db: Db): number {
  const buffer = buffers.get(db);
  if (!buffer || buffer.rows.length === 0) return 0;
  // The connection closed first (shutdown): nothing can be written any more.
  if (!db.sqlite.open) return 0;
  const rows = buffer.rows;
  buffer.rows = [];
  if (buffer.timer) clearTimeout(buffer.timer);
  buffer.timer = null;
  db.sqlite.transaction(() => {
    for (const row of rows) insertRawCheck.run(db, row);
  })();
  return rows.length;
}

export function recordUpdateCheck(options: {
  db: Db;
  now: Date;
  ip: string | null;
  check: UpdateCheck;
  latestVersions: ReadonlyMap<string, string>;
}) {
  const { db, check } = options;
  // The answer first: a check that cannot be answered is not recorded either.
  const latestVersion = options.latestVersions.get(check.product) ?? null;
  const network = (options.ip && networkOfIp(options.ip)) || 'unknown';
  let buffer = buffers.get(db);
  if (!buffer) {
    buffer = { rows: [], timer: null };
    buffers.set(db, buffer);
  }
  buffer.rows.push({
    receivedAt: options.now.getTime(),
    network,
    product: check.product,
    version: check.version,
    os: check.os,
    osVersion: check.osVersion,
    language: check.language,
    licenseKey: check.licenseKey ? check.licenseKey.toUpperCase() : null,
  });
  if (buffer.rows.length >= FLUSH_AT_ROWS) flushUpdateChecks(db);
  else if (!buffer.timer) {
    buffer.timer = setTimeout(() => flushUpdateChecks(db), FLUSH_AFTER_MS);
    buffer.timer.unref();
  }
  return {
    latestVersion,
    updateAvailable: latestVersion !== null && compareVersions(latestVersion, check.version) > 0,
  };
}

/** Rolls raw rows older than the retention period into daily counts and deletes them, in one transaction. */
export function rollUpUpdateChecks(options: { db: Db; now: Date; retentionDays: number }) {
  const { sqlite } = options.db;
  flushUpdateChecks(options.db);
  const cutoff = options.now.getTime() - options.retentionDays * DAY_MS;
  // Deleted rows are overwritten with zeros, so no network is left behind in free pages.
  sqlite.pragma('secure_delete = ON');
  const result = sqlite.transaction(() => {
    const rolled = rollUpRawChecks.run(sqlite, { cutoff });
    const deleted = deleteRawChecksBefore.run(sqlite, { cutoff });
    return { groups: Number(rolled.changes), deleted: Number(deleted.changes) };
  })();
  // Move the zeroed pages out of the write-ahead log into the main file now, not at some later checkpoint.
  if (result.deleted > 0) sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return result;
}

/** License keys that checked in from at least `minNetworks` networks within the retention window. */
export function findPossibleAbuse(options: {
  db: Db;
  now: Date;
  retentionDays: number;
  minNetworks: number;
  limit: number;
}): PossibleAbuseRow[] {
  const since = options.now.getTime() - options.retentionDays * DAY_MS;
  return keysFromManyNetworks.all(options.db, {
    since,
    minNetworks: options.minNetworks,
    limit: options.limit,
  });
}

/** The "possible abuse" list over the configured retention window. */
export function listPossibleAbuse(options: {
  db: Db;
  now: Date;
  settings: SettingsReader;
  minNetworks: number;
  limit: number;
}) {
  const retentionDays = readUpdateCheckRetentionDays(options.settings);
  flushUpdateChecks(options.db);
  return { retentionDays, rows: findPossibleAbuse({ ...options, retentionDays }) };
}
