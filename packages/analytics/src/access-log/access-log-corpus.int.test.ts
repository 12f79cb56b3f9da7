// Real logs from other projects (test-corpus/access-logs/README.md): for each file, what must be
// stored, which lines are refused and why, and whose address is taken as the visitor.
import path from 'node:path';
import { createTestDb } from '@keydesk/db/testing';
import { describe, expect, it } from 'vitest';
import {
  accessLogCorpusFiles,
  ACCESS_LOG_CORPUS_DIR as CORPUS,
  accessLogCorpusLines as linesOf,
} from './access-log-corpus.ts';
import { BOT_LABELS } from './bot-names.ts';
import { importAccessLogs } from './import-access-log.ts';
import { parseAccessLine, REFUSAL } from './parse-access-line.ts';

type Expectation = {
  lines: number;
  refused: { line: number; reason: string }[];
  /** The visitor read from each line, in order ("!" for a refused line). */
  clients?: string[];
};

const EXPECTED: Record<string, Expectation> = {
  'apache-docs-samples.log': { lines: 2, refused: [], clients: ['127.0.0.1', '127.0.0.1'] },
  'lnav-logfile_access_log.0': { lines: 3, refused: [], clients: Array(3).fill('192.168.202.254') },
  'lnav-logfile_access_log.1': { lines: 1, refused: [], clients: ['10.112.81.15'] },
  'lnav-logfile_bad_access_log.0': {
    lines: 3,
    refused: [{ line: 2, reason: REFUSAL.noClient }],
    clients: ['192.168.202.254', '!', '192.168.202.254'],
  },
  // vhost_combined: "localhost:443" is the virtual host, not the visitor.
  'lnav-logfile_regexp_access_log.0': { lines: 2, refused: [], clients: ['178.20.184.42', '154.57.4.229'] },
  'lnav-logfile_shop_access_log.0': { lines: 1000, refused: [] },
  'beats-nginx-test.log': {
    lines: 7,
    refused: [],
    clients: [
      '10.0.0.2', // a list of private addresses only: its left-most
      '172.17.0.1',
      '85.181.35.98', // the left-most public address of the list
      '85.181.35.98',
      '199.96.1.1', // quoted list before $remote_addr 10.2.1.185
      '2a03:0000:10ff:f00f:0000:0000:0:8000', // IPv6 at the head of a list
      '127.0.0.1',
    ],
  },
  'beats-nginx-test-with-host.log': {
    lines: 10,
    refused: [],
    clients: [
      '10.0.0.2',
      '172.17.0.1',
      '81.2.69.143',
      '81.2.69.143',
      '175.16.199.1',
      '2a02:cf40:10ff:f00f:0000:0000:0:8000', // the virtual host here is an IP (1.128.3.4)
      '127.0.0.1',
      'unix', // nginx's "unix:" for a request over a Unix socket
      'localhost',
      'localhost',
    ],
  },
  'beats-apache-test.log': {
    lines: 7,
    refused: [],
    clients: [
      '::1',
      '192.168.33.1',
      '::1',
      '172.17.0.1',
      'monitoring-server',
      '127.0.0.1',
      '123.123.123.123',
    ],
  },
  'logparser-edge-cases.log': {
    lines: 5,
    refused: [],
    clients: ['10.20.30.40', '1.2.3.4', '10.10.10.10', '10.10.10.10', '10.10.10.10'],
  },
};

describe('access-log corpus', () => {
  it('expects something of every file in the corpus', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(accessLogCorpusFiles());
  });

  it.each(Object.entries(EXPECTED))('%s', async (file, expected) => {
    const lines = linesOf(file);
    expect(lines).toHaveLength(expected.lines);
    if (expected.clients) {
      const clients = lines.map((text) => {
        const line = parseAccessLine(text);
        return typeof line === 'string' ? '!' : line.ip;
      });
      expect(clients).toEqual(expected.clients);
    }
    const db = await createTestDb();
    try {
      const run = () =>
        importAccessLogs({
          db,
          now: () => new Date('2025-01-01T00:00:00Z'),
          files: [path.join(CORPUS, file)],
          downloadPaths: ['/download/'],
          ownDomains: [],
        });
      const [first] = await run();
      expect(first).toMatchObject({
        lines: expected.lines,
        stored: expected.lines - expected.refused.length,
        duplicates: 0,
        refused: expected.refused.length,
        error: null,
      });
      expect(first?.refusedLines).toEqual(expected.refused);
      const [again] = await run();
      expect(again).toMatchObject({
        lines: expected.lines,
        stored: 0,
        duplicates: expected.lines,
        refused: 0,
      });
      for (const result of [first, again])
        expect(result?.lines).toBe(
          (result?.stored ?? 0) + (result?.duplicates ?? 0) + (result?.refused ?? 0),
        );
      const bots = db.sqlite.prepare('SELECT bot FROM WebDailyBot').pluck().all() as string[];
      for (const bot of bots) expect(BOT_LABELS.has(bot)).toBe(true);
    } finally {
      await db.destroy();
    }
  });

  it('reads the shop log’s visitors and bots', async () => {
    const lines = linesOf('lnav-logfile_shop_access_log.0').map((text) => parseAccessLine(text));
    const clients = new Set(lines.map((line) => (typeof line === 'string' ? '!' : line.ip)));
    expect(clients.size).toBe(96);
    expect(clients.has('!')).toBe(false);
    expect([...clients].slice(0, 2)).toEqual(['54.36.149.41', '31.56.96.51']);
    const db = await createTestDb();
    try {
      await importAccessLogs({
        db,
        now: () => new Date('2025-01-01T00:00:00Z'),
        files: [path.join(CORPUS, 'lnav-logfile_shop_access_log.0')],
        downloadPaths: [],
        ownDomains: ['zanbil.ir'],
      });
      const bots = db.sqlite
        .prepare('SELECT bot, SUM(requests) AS n FROM WebDailyBot GROUP BY bot ORDER BY bot')
        .safeIntegers(false)
        .all();
      expect(bots).toEqual([
        { bot: 'AhrefsBot', n: 45 },
        { bot: 'Applebot', n: 12 },
        { bot: 'Bingbot', n: 104 },
        { bot: 'DotBot', n: 2 },
        { bot: 'Googlebot', n: 174 },
        { bot: 'No user agent', n: 5 },
        { bot: 'Other bot', n: 18 },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
