// Every chart's SQL, one statement per metric and per breakdown, declared once. The strftime bucket
// format and its modifiers are bound parameters picked from BUCKETS by the granularity enum; the
// table and column names spliced in below are constants, so no text from a request reaches the SQL.
import { type Sql, sql } from '@keydesk/db';
import type { BreakdownRow, SeriesRow } from '../charts/chart-sql.ts';

/** Every chart statement takes the same parameters; each uses the ones it needs. */
export type ChartParams = {
  /** strftime format and modifiers of the bucket (BUCKETS). */
  format: string;
  modifier1: string;
  modifier2: string;
  /** Inclusive days, for the daily tables. */
  fromDay: string;
  toDay: string;
  /** Half-open epoch milliseconds, for timestamped rows. */
  fromMs: number;
  toMs: number;
  limit: number;
};

export type PairRow = { bucket: string; currency: string | null; a: number; b: number };

// Rows are summed per day first (in index order), so strftime runs once per day, not once per row.
const byDay = (table: string, column: string, series: string) =>
  `SELECT strftime(@format, day, @modifier1, @modifier2) AS bucket, '${series}' AS series, NULL AS currency, SUM(n) AS value
   FROM (SELECT day, SUM(${column}) AS n FROM ${table} WHERE day >= @fromDay AND day <= @toDay GROUP BY day) GROUP BY bucket`;
const byMs = (table: string, column: string, series: string, where = '1') =>
  `SELECT strftime(@format, ${column} / 1000, 'unixepoch', @modifier1, @modifier2) AS bucket, '${series}' AS series, NULL AS currency, COUNT(*) AS value
   FROM ${table} WHERE ${column} >= @fromMs AND ${column} < @toMs AND ${where} GROUP BY bucket`;

const SALE = `isTest = 0 AND status IN ('completed', 'partially_refunded')`;

export type SeriesStatement =
  | { rows: Sql<SeriesRow, ChartParams>; pair?: undefined }
  /** Two figures from one table come from one pass: columns a and b, split into two series in JS. */
  | { rows: Sql<PairRow, ChartParams>; pair: [string, string] };

const series = (text: string): SeriesStatement => ({ rows: sql<SeriesRow, ChartParams>(text) });
const pair = (text: string, names: [string, string]): SeriesStatement => ({
  rows: sql<PairRow, ChartParams>(text),
  pair: names,
});

/** The time series a chart can show, by metric name: the one list of metrics. */
export const SERIES = {
  'web.traffic': pair(
    `SELECT strftime(@format, day, @modifier1, @modifier2) AS bucket, NULL AS currency, SUM(pv) AS a, SUM(v) AS b
     FROM (SELECT day, SUM(pageViews) AS pv, SUM(visitors) AS v FROM WebDailyCountry
           WHERE day >= @fromDay AND day <= @toDay GROUP BY day) GROUP BY bucket`,
    ['pageViews', 'visitors'],
  ),
  'web.bots': series(byDay('WebDailyBot', 'requests', 'botRequests')),
  downloads: series(byDay('DownloadDaily', 'downloads', 'downloads')),
  updateChecks: series(
    `SELECT strftime(@format, day, @modifier1, @modifier2) AS bucket, 'checks' AS series, NULL AS currency, SUM(n) AS value
     FROM (SELECT day, SUM(checks) AS n FROM UpdateCheckDaily WHERE day >= @fromDay AND day <= @toDay GROUP BY day
           UNION ALL
           SELECT strftime('%Y-%m-%d', receivedAt / 1000, 'unixepoch'), COUNT(*) FROM UpdateCheckRaw
           WHERE receivedAt >= @fromMs AND receivedAt < @toMs GROUP BY 1)
     GROUP BY bucket`,
  ),
  sales: pair(
    `SELECT strftime(@format, purchasedAt / 1000, 'unixepoch', @modifier1, @modifier2) AS bucket, currency, COUNT(*) AS a,
            SUM(amountMinor - refundedMinor) AS b
     FROM "Order" WHERE purchasedAt >= @fromMs AND purchasedAt < @toMs AND ${SALE} GROUP BY bucket, currency`,
    ['orders', 'revenueMinor'],
  ),
  refunds: pair(
    `SELECT strftime(@format, refundedAt / 1000, 'unixepoch', @modifier1, @modifier2) AS bucket, currency, COUNT(*) AS a, SUM(refundedMinor) AS b
     FROM "Order" WHERE refundedAt >= @fromMs AND refundedAt < @toMs AND isTest = 0 GROUP BY bucket, currency`,
    ['refunds', 'refundedMinor'],
  ),
  support: series(
    `${byMs('NewsletterSubscription', 'subscribedAt', 'newSubscribers')}
     UNION ALL ${byMs('ChatTranscript', 'startedAt', 'chats')}
     UNION ALL ${byMs('EmailMessage', 'sentAt', 'emails', 'isInbound = 1')}`,
  ),
} satisfies Record<string, SeriesStatement>;

const dayBreakdown = (table: string, key: string, value: string, secondary = 'NULL') =>
  sql<BreakdownRow, ChartParams>(
    `SELECT ${key} AS key, NULL AS currency, SUM(${value}) AS value, ${secondary} AS secondary,
            SUM(SUM(${value})) OVER () AS total
     FROM ${table} WHERE day >= @fromDay AND day <= @toDay GROUP BY 1 ORDER BY value DESC, key LIMIT @limit`,
  );

// Raw update checks not yet rolled up count too, so the last two weeks are not missing. The daily rows
// are summed per (day, key columns) first: that follows the (day, columns, checks) index in order, so
// SQLite streams it instead of sorting every row of the range (2.5x faster over two years).
const updateBreakdown = (key: string, columns: string) =>
  sql<BreakdownRow, ChartParams>(
    `SELECT key, NULL AS currency, SUM(n) AS value, NULL AS secondary, SUM(SUM(n)) OVER () AS total
     FROM (SELECT ${key} AS key, SUM(n) AS n
           FROM (SELECT ${columns}, SUM(checks) AS n FROM UpdateCheckDaily WHERE day >= @fromDay AND day <= @toDay
                 GROUP BY day, ${columns})
           GROUP BY 1
           UNION ALL
           SELECT ${key}, COUNT(*) FROM UpdateCheckRaw WHERE receivedAt >= @fromMs AND receivedAt < @toMs GROUP BY 1)
     GROUP BY 1 ORDER BY value DESC, key LIMIT @limit`,
  );

/** The breakdowns a chart can show, by dimension name: the one list of dimensions. */
export const BREAKDOWNS = {
  'web.country': dayBreakdown('WebDailyCountry', 'country', 'pageViews', 'SUM(visitors)'),
  'web.browser': dayBreakdown(
    'WebDailyBrowser',
    `browser || ' ' || browserVersion`,
    'pageViews',
    'SUM(visitors)',
  ),
  'web.os': dayBreakdown('WebDailyBrowser', 'os', 'pageViews', 'SUM(visitors)'),
  'web.referrer': dayBreakdown('WebDailyReferrer', 'domain', 'pageViews'),
  'web.bot': dayBreakdown('WebDailyBot', 'bot', 'requests'),
  'downloads.file': dayBreakdown('DownloadDaily', 'file', 'downloads'),
  'updates.os': updateBreakdown('os', 'os'),
  'updates.osVersion': updateBreakdown(`os || ' ' || osVersion`, 'os, osVersion'),
  'updates.appVersion': updateBreakdown('appVersion', 'appVersion'),
  'updates.language': updateBreakdown('language', 'language'),
  // Money is ranked within its own currency; totals are per currency too.
  'sales.product': sql<BreakdownRow, ChartParams>(
    `SELECT key, currency, value, secondary, total FROM (
       SELECT product || ' ' || edition AS key, currency, SUM(amountMinor - refundedMinor) AS value, COUNT(*) AS secondary,
              SUM(SUM(amountMinor - refundedMinor)) OVER (PARTITION BY currency) AS total,
              ROW_NUMBER() OVER (PARTITION BY currency ORDER BY SUM(amountMinor - refundedMinor) DESC) AS rank
       FROM "Order" WHERE purchasedAt >= @fromMs AND purchasedAt < @toMs AND ${SALE} GROUP BY 1, currency)
     WHERE rank <= @limit ORDER BY currency, value DESC, key`,
  ),
} satisfies Record<string, Sql<BreakdownRow, ChartParams>>;
