// The migration that replaced time coverage with WebLogFile, run over data the old importer left.
import { applyMigrations, readMigrations } from '@keydesk/db';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BOT_LABELS, botLabelOf } from './bot-names.ts';

const MIGRATION = '20261205080921_web_log_files_replace_time_coverage';

function databaseBefore(): Database.Database {
  const sqlite = new Database(':memory:');
  applyMigrations(
    sqlite,
    readMigrations().filter((m) => m.name < MIGRATION),
  );
  return sqlite;
}

describe(MIGRATION, () => {
  it('carries completed old runs over as whole files, and leaves runs that stopped midway', () => {
    const sqlite = databaseBefore();
    const run = sqlite.prepare(
      `INSERT INTO ImportRun (kind, fingerprint, source, status, bytesTotal, itemsDone, startedAt)
       VALUES (?, ?, ?, ?, ?, ?, 1000)`,
    );
    run.run('access-log', 'a'.repeat(64), 'access.log', 'completed', 900, 7);
    run.run('access-log', 'b'.repeat(64), 'big.log.1.gz', 'completed', 5_000_000, 40_000);
    run.run('access-log', 'c'.repeat(64), 'crashed.log', 'running', 800, 3);
    run.run('orders', 'd'.repeat(64), 'orders.csv', 'completed', 100, 1);
    applyMigrations(sqlite);
    const rows = sqlite
      .prepare(
        'SELECT headHash, headLength, rawHead, bytesTaken, linesTaken, name FROM WebLogFile ORDER BY id',
      )
      .all();
    expect(rows).toEqual([
      {
        headHash: 'a'.repeat(64),
        headLength: 900,
        rawHead: 1,
        bytesTaken: 900,
        linesTaken: 7,
        name: 'access.log',
      },
      {
        headHash: 'b'.repeat(64),
        headLength: 65_536,
        rawHead: 1,
        bytesTaken: 5_000_000,
        linesTaken: 40_000,
        name: 'big.log.1.gz',
      },
    ]);
    expect(
      sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'WebLogCoverage'").get(),
    ).toBeUndefined();
  });

  it('relabels bots with names from the list, merging rows, and drops text taken from user agents', () => {
    const sqlite = databaseBefore();
    const bot = sqlite.prepare('INSERT INTO WebDailyBot (day, bot, requests) VALUES (?, ?, ?)');
    const old = [
      ['2025-03-01', 'Googlebot', 5],
      ['2025-03-01', 'bingbot', 2],
      ['2025-03-01', 'Bingbot', 1],
      ['2025-03-01', 'msnbot-media', 1],
      ['2025-03-01', '(no user agent)', 4],
      ['2025-03-01', 'Mozilla/5.0 (Linux; Android 10; SM-G973F Build/QP1A', 3],
      ['2025-03-01', 'facebookexternalhit', 2],
      ['2025-03-02', 'python-requests', 6],
    ] as const;
    for (const row of old) bot.run(...row);
    applyMigrations(sqlite);
    const rows = sqlite.prepare('SELECT day, bot, requests FROM WebDailyBot ORDER BY day, bot').all();
    expect(rows).toEqual([
      { day: '2025-03-01', bot: 'Bingbot', requests: 4 },
      { day: '2025-03-01', bot: 'Googlebot', requests: 5 },
      { day: '2025-03-01', bot: 'Meta crawler', requests: 2 },
      { day: '2025-03-01', bot: 'No user agent', requests: 4 },
      { day: '2025-03-01', bot: 'Other bot', requests: 3 },
      { day: '2025-03-02', bot: 'Python', requests: 6 },
    ]);
    // The SQL mapping and botLabelOf agree on every old label here.
    for (const [, label] of old)
      if (label !== '(no user agent)')
        expect(rows.some((r) => (r as { bot: string }).bot === botLabelOf(label))).toBe(true);
    for (const row of rows) expect(BOT_LABELS.has((row as { bot: string }).bot)).toBe(true);
  });
});
