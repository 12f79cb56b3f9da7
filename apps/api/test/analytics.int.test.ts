import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BREAKDOWN_DIMENSIONS, GRANULARITIES, TIME_SERIES_METRICS } from '@keydesk/analytics';
import { generateDemo } from '@keydesk/db/demo';
import type { TestDb } from '@keydesk/db/testing';
import { describe, expect, it } from 'vitest';
import { createAnonymousCaller, createOwnerCaller } from './owner-caller.ts';
import { useTestDb } from './test-db.ts';

describe('analytics.*', () => {
  let db: TestDb;
  useTestDb('all', (opened) => {
    db = opened;
    generateDemo({ sqlite: db.sqlite, customers: 300, seed: 5 });
  });

  it('sums daily page views into weekly and monthly buckets without losing any', async () => {
    const caller = createOwnerCaller(db);
    const range = { range: 'custom' as const, from: '2026-01-01', to: '2026-03-31' };
    const expected = db.sqlite
      .prepare(
        "SELECT SUM(pageViews) AS n FROM WebDailyCountry WHERE day BETWEEN '2026-01-01' AND '2026-03-31'",
      )
      .safeIntegers(false)
      .get() as { n: number };
    expect(expected.n).toBeGreaterThan(0);
    for (const granularity of GRANULARITIES) {
      const result = await caller.analytics.timeSeries({
        metric: 'web.traffic',
        range,
        granularity,
        compare: true,
      });
      const total = result.rows.filter((r) => r.series === 'pageViews').reduce((sum, r) => sum + r.value, 0);
      expect(total, granularity).toBe(expected.n);
      expect(result.previous?.range).toEqual({ from: '2025-10-03', to: '2025-12-31' });
    }
    const weeks = await caller.analytics.timeSeries({
      metric: 'web.traffic',
      range,
      granularity: 'week',
      compare: false,
    });
    // Weeks are labelled by their Monday.
    for (const row of weeks.rows) expect(new Date(`${row.bucket}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('keeps revenue apart per currency', async () => {
    const result = await createOwnerCaller(db).analytics.timeSeries({
      metric: 'sales',
      range: { range: 'all' },
      granularity: 'month',
      compare: false,
    });
    const currencies = new Set(result.rows.filter((r) => r.series === 'revenueMinor').map((r) => r.currency));
    expect(currencies.size).toBeGreaterThan(1);
    expect(result.rows.every((r) => r.currency !== null)).toBe(true);
    expect(result.range.from < result.range.to).toBe(true);
  });

  it('answers every chart query over two years of demo aggregates (p95 bounded; the bench measures it)', async () => {
    const caller = createOwnerCaller(db);
    const timings: number[] = [];
    for (const metric of TIME_SERIES_METRICS)
      for (const granularity of GRANULARITIES)
        for (let i = 0; i < 5; i++) {
          const started = performance.now();
          await caller.analytics.timeSeries({ metric, range: { range: 'all' }, granularity, compare: true });
          timings.push(performance.now() - started);
        }
    for (const dimension of BREAKDOWN_DIMENSIONS)
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const result = await caller.analytics.breakdown({ dimension, range: { range: '12m' }, limit: 10 });
        timings.push(performance.now() - started);
        if (dimension !== 'sales.product') expect(result.rows.length).toBeLessThanOrEqual(10);
      }
    timings.sort((a, b) => a - b);
    // Generous: the test machine is shared and loaded; bench/analytics.bench.ts measures the real p95 per query.
    expect(timings[Math.floor(timings.length * 0.95)]).toBeLessThan(500);
  });

  it('lists license keys seen from many networks as possible abuse', async () => {
    const insert = db.sqlite.prepare(
      `INSERT INTO UpdateCheckRaw (receivedAt, ip, product, appVersion, os, osVersion, language, licenseKey)
       VALUES (?, ?, 'tessera', '5.2.0', 'Windows', '11', 'en', ?)`,
    );
    const now = Date.now();
    for (let i = 0; i < 6; i++) insert.run(now - i * 3_600_000, `198.51.${i}.0/24`, 'SHARED-KEY');
    insert.run(now, '192.0.2.0/24', 'HONEST-KEY');
    insert.run(now - 1000, '192.0.2.0/24', 'HONEST-KEY');
    const result = await createOwnerCaller(db).analytics.possibleAbuse({ minNetworks: 3, limit: 10 });
    expect(result.retentionDays).toBe(14);
    expect(result.rows.map((r) => [r.licenseKey, r.networks, r.checks])).toEqual([['SHARED-KEY', 6, 6]]);
  });

  it('imports a log started from the UI and reports its progress', async () => {
    const caller = createOwnerCaller(db);
    const file = path.join(db.dir, 'ui.log');
    const line = (i: number) =>
      `203.0.113.${i % 200} - - [01/Feb/2020:10:00:${String(i % 60).padStart(2, '0')} +0000] "GET /p${i} HTTP/1.1" 200 1 "-" "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"`;
    writeFileSync(file, `${Array.from({ length: 120 }, (_, i) => line(i)).join('\n')}\nnot a line\n`);
    expect(
      await caller.analytics.importAccessLog({ paths: [path.join(db.dir, 'missing.log')] }),
    ).toMatchObject({
      started: false,
    });
    expect(await caller.analytics.importAccessLog({ paths: [file] })).toMatchObject({ started: true });
    let runs = await caller.analytics.importRuns({ limit: 5 });
    for (let i = 0; i < 200 && runs[0]?.status !== 'completed' && runs[0]?.status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      runs = await caller.analytics.importRuns({ limit: 5 });
    }
    expect(runs[0]).toMatchObject({
      source: 'ui.log',
      status: 'completed',
      itemsDone: 121,
      created: 120,
      rejected: 1,
    });
  });

  // The metric and dimension names are the keys of their statement tables: a name those tables
  // only inherit, or one that merely looks like a real one, must be refused, never looked up.
  it.each([
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'web.tr\u0430ffic', // Cyrillic а
    'WEB.TRAFFIC',
    'web.traffic ',
  ])('refuses %j as a metric or a dimension', async (name) => {
    const caller = createOwnerCaller(db);
    const range = { range: '7d' as const };
    // @ts-expect-error: a name outside the enum, as a hand-made request would send it.
    const series = caller.analytics.timeSeries({ metric: name, range, granularity: 'day' });
    await expect(series).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // @ts-expect-error: as above.
    const breakdown = caller.analytics.breakdown({ dimension: name, range, limit: 5 });
    await expect(breakdown).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('names exactly the statements as metrics and dimensions, none inherited', () => {
    expect(TIME_SERIES_METRICS).toEqual([
      'web.traffic',
      'web.bots',
      'downloads',
      'updateChecks',
      'sales',
      'refunds',
      'support',
    ]);
    expect(BREAKDOWN_DIMENSIONS).toHaveLength(11);
    expect(BREAKDOWN_DIMENSIONS).not.toContain('__proto__');
  });

  it('refuses callers without a session', async () => {
    await expect(
      createAnonymousCaller(db).analytics.breakdown({
        dimension: 'web.country',
        range: { range: '7d' },
        limit: 5,
      }),
    ).rejects.toThrow();
  });
});
