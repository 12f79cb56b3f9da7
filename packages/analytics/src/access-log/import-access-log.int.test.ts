import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAccessLogs } from './import-access-log.ts';

const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

function line(
  ip: string,
  time: string,
  request: string,
  status: number,
  referrer: string,
  agent: string,
): string {
  return `${ip} - - [${time} +0000] "${request}" ${status} 512 "${referrer}" "${agent}"`;
}

const LINES = [
  line('8.8.8.8', '01/Mar/2025:10:00:00', 'GET / HTTP/1.1', 200, 'https://www.google.com/search?q=x', CHROME),
  line('8.8.8.8', '01/Mar/2025:10:00:01', 'GET /style.css HTTP/1.1', 200, 'https://shop.example/', CHROME),
  line('8.8.8.8', '01/Mar/2025:10:00:05', 'GET /pricing HTTP/1.1', 200, 'https://shop.example/', CHROME),
  line('2001:4860:4860::8888', '01/Mar/2025:11:00:00', 'GET / HTTP/1.1', 200, '-', FIREFOX),
  line(
    '2001:4860:4860::8888',
    '01/Mar/2025:11:00:09',
    'GET /download/tessera-setup.exe HTTP/1.1',
    200,
    '-',
    FIREFOX,
  ),
  'this is not a log line',
  line('66.249.66.1', '01/Mar/2025:12:00:00', 'GET /robots.txt HTTP/1.1', 200, '-', GOOGLEBOT),
  '1.2.3.4 - - [01/Mar/2025:12:00:00 +0000] "GET / HTTP/1.1" 200',
  line(
    '1.1.1.1',
    '02/Mar/2025:09:00:00',
    'GET /buy HTTP/1.1',
    200,
    'https://news.ycombinator.com/item?id=1',
    CHROME,
  ),
];

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => {
  await db.destroy();
});

function importFiles(files: string[], checkpointLines?: number) {
  return importAccessLogs({
    db,
    now: () => new Date('2025-03-05T00:00:00Z'),
    files,
    downloadPaths: ['/download/'],
    ownDomains: ['shop.example'],
    checkpointLines,
  });
}

function totals() {
  const q = (sql: string) => db.sqlite.prepare(sql).safeIntegers(false).all() as Record<string, unknown>[];
  return {
    countries: q('SELECT day, country, pageViews, visitors FROM WebDailyCountry ORDER BY day, country'),
    browsers: q(
      'SELECT day, browser, browserVersion, os, pageViews, visitors FROM WebDailyBrowser ORDER BY day, browser',
    ),
    referrers: q('SELECT day, domain, pageViews FROM WebDailyReferrer ORDER BY day, domain'),
    bots: q('SELECT day, bot, requests FROM WebDailyBot'),
    downloads: q('SELECT day, file, downloads FROM DownloadDaily'),
  };
}

describe('importAccessLogs', () => {
  it('adds page views, visitors, browsers, referrers, downloads and bots per day', async () => {
    const file = path.join(db.dir, 'access.log');
    writeFileSync(file, `${LINES.join('\n')}\n`);
    const [result] = await importFiles([file]);
    expect(result).toMatchObject({
      lines: 9,
      refused: 2,
      stored: 7,
      duplicates: 0,
      truncated: false,
      error: null,
    });
    expect(result?.refusedLines).toEqual([
      { line: 6, reason: 'no [dd/Mon/yyyy:HH:MM:SS ±hhmm] time field' },
      { line: 8, reason: 'no response size after the status' },
    ]);
    const t = totals();
    expect(t.countries).toEqual([
      { day: '2025-03-01', country: 'US', pageViews: 3, visitors: 2 },
      { day: '2025-03-02', country: 'AU', pageViews: 1, visitors: 1 },
    ]);
    expect(t.browsers).toContainEqual({
      day: '2025-03-01',
      browser: 'Chrome',
      browserVersion: '131',
      os: 'Windows',
      pageViews: 2,
      visitors: 1,
    });
    expect(t.referrers).toEqual([
      { day: '2025-03-01', domain: 'google.com', pageViews: 1 },
      { day: '2025-03-02', domain: 'news.ycombinator.com', pageViews: 1 },
    ]);
    expect(t.downloads).toEqual([{ day: '2025-03-01', file: '/download/tessera-setup.exe', downloads: 1 }]);
    expect(t.bots).toEqual([{ day: '2025-03-01', bot: 'Googlebot', requests: 1 }]);
    const run = db.sqlite
      .prepare('SELECT status, rejected, itemsDone FROM ImportRun')
      .safeIntegers(false)
      .get();
    expect(run).toEqual({ status: 'completed', rejected: 2, itemsDone: 9 });
  });

  it('never writes an IP address or a user agent into the database file', async () => {
    const file = path.join(db.dir, 'access.log');
    writeFileSync(file, `${LINES.join('\n')}\n`);
    await importFiles([file]);
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(path.join(db.dir, 'keydesk.db')).toString('latin1');
    for (const needle of [
      '8.8.8.8',
      '2001:4860:4860::8888',
      '66.249.66.1',
      '1.1.1.1',
      CHROME,
      FIREFOX,
      GOOGLEBOT,
      'Windows NT 10.0',
    ])
      expect(bytes.includes(needle), needle).toBe(false);
  });

  it('does not count a re-imported, grown or overlapping file twice', async () => {
    const first = path.join(db.dir, 'access.log');
    writeFileSync(first, `${LINES.slice(0, 5).join('\n')}\n`);
    await importFiles([first]);
    const once = totals();
    await importFiles([first]);
    expect(totals()).toEqual(once);
    // The file grew (logrotate had not run yet): only the new lines count.
    writeFileSync(first, `${LINES.join('\n')}\n`);
    const [grown] = await importFiles([first]);
    expect(grown).toMatchObject({ lines: 9, duplicates: 5, stored: 2, refused: 2 });
    // A copy compressed by logrotate is the same text: nothing new in it.
    const rotated = path.join(db.dir, 'access.log.1.gz');
    writeFileSync(rotated, gzipSync(`${LINES.join('\n')}\n`));
    const [again] = await importFiles([rotated]);
    expect(again).toMatchObject({ lines: 9, duplicates: 9, stored: 0, refused: 0 });
    const fresh = await createTestDb();
    try {
      const [oneGo] = await importAccessLogs({
        db: fresh,
        now: () => new Date(),
        files: [first],
        downloadPaths: ['/download/'],
        ownDomains: ['shop.example'],
      });
      expect(oneGo?.stored).toBe(7);
      const sum = (d: TestDb) =>
        d.sqlite.prepare('SELECT SUM(pageViews) AS n FROM WebDailyCountry').safeIntegers(false).get();
      expect(sum(db)).toEqual(sum(fresh));
    } finally {
      await fresh.destroy();
    }
  });

  it('resumes after a crash: lines committed at a checkpoint are not counted again', async () => {
    const file = path.join(db.dir, 'access.log');
    writeFileSync(file, `${LINES.join('\n')}\n`);
    // Simulate a crash after the first checkpoint: only the checkpointed lines reached the database.
    const partial = path.join(db.dir, 'partial.log');
    writeFileSync(partial, `${LINES.slice(0, 3).join('\n')}\n`);
    await importFiles([partial], 2);
    const [resumed] = await importFiles([file], 2);
    expect(resumed).toMatchObject({ duplicates: 3, stored: 4, refused: 2 });
    const views = db.sqlite
      .prepare('SELECT SUM(pageViews) AS n FROM WebDailyCountry')
      .safeIntegers(false)
      .get();
    expect(views).toEqual({ n: 4 });
  });

  it('reports a truncated .gz clearly and keeps the lines before the cut', async () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      line(`8.8.${i % 250}.1`, '03/Mar/2025:10:00:00', `GET /p${i} HTTP/1.1`, 200, '-', CHROME),
    );
    const gz = gzipSync(`${many.join('\n')}\n`);
    const file = path.join(db.dir, 'cut.log.gz');
    writeFileSync(file, gz.subarray(0, Math.floor(gz.length * 0.6)));
    const [result] = await importFiles([file]);
    expect(result?.truncated).toBe(true);
    expect(result?.error).toMatch(/truncated/);
    expect(result?.stored).toBeGreaterThan(0);
    expect(result?.stored).toBeLessThan(3000);
    const run = db.sqlite.prepare('SELECT status, errors FROM ImportRun').safeIntegers(false).get() as {
      status: string;
      errors: string;
    };
    expect(run.status).toBe('failed');
    expect(run.errors).toMatch(/truncated/);
  });

  it('reads UTF-8 bytes the same when a character straddles two read chunks', async () => {
    // Reads are 1 MiB; pad with plain lines so the two bytes of "ë" sit on either side of that edge.
    const download = line(
      '8.8.8.8',
      '04/Mar/2025:10:00:00',
      'GET /download/tëssera.exe HTTP/1.1',
      200,
      '-',
      CHROME,
    );
    const filler = line('8.8.4.4', '04/Mar/2025:09:00:00', 'GET / HTTP/1.1', 200, '-', FIREFOX);
    const edge = 1 << 20;
    const before = Buffer.byteLength(download.slice(0, download.indexOf('ë'))) + 1;
    const padding: string[] = [];
    let size = 0;
    while (size + Buffer.byteLength(filler) + 1 < edge - before - 200) {
      padding.push(filler);
      size += Buffer.byteLength(filler) + 1;
    }
    // One line of exactly the right length puts the first byte of "ë" at edge - 1.
    const gap = edge - before - size;
    padding.push(`${'x'.repeat(gap - 1)}`);
    const text = `${padding.join('\n')}\n${download}\n${filler}\n`;
    expect(
      Buffer.from(text)
        .subarray(edge - 1, edge + 1)
        .toString(),
    ).toBe('ë');
    const file = path.join(db.dir, 'utf8.log');
    writeFileSync(file, text);
    const [result] = await importFiles([file]);
    expect(result?.refused).toBe(1);
    expect(totals().downloads).toEqual([{ day: '2025-03-04', file: '/download/tëssera.exe', downloads: 1 }]);
  });
});
