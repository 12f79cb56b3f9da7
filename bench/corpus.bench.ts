// The real-world corpora through the real entry points, each on a scratch SQLite file and each twice:
// the mbox import (every .eml and .mbox of the email corpus), the access-log import, and the webhook
// corpora posted to the real HTTP server (bench/corpus-hooks.ts). What came in is counted apart from
// the importer (the mbox splitter, the log's lines, the samples posted); stored is counted from the
// rows; `lost` = in − (stored + duplicates + refused) over both passes, and the second pass must store
// nothing new. Prints the figures, then fails if anything was lost or stored twice.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { importAccessLogs } from '@keydesk/analytics';
import { importMbox, readMbox } from '@keydesk/conversations';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import {
  ACCESS_LOG_CORPUS_DIR,
  accessLogCorpusFiles,
  accessLogCorpusLines,
} from '../packages/analytics/src/access-log/access-log-corpus.ts';
import { emailCorpusFiles } from '../packages/conversations/src/test-fixtures/email-corpus.ts';
import { report } from './bench-kit.ts';
import { HOOK_CORPORA } from './corpus-hooks.ts';

type Tally = { in: number; stored: number; duplicates: number; refused: number };
type Pass = Tally & { ms: number };

const NOW = new Date('2031-01-01T00:00:00Z');
const now = () => NOW;
const failures: string[] = [];

const zero = (): Tally => ({ in: 0, stored: 0, duplicates: 0, refused: 0 });
const lostOf = (t: Tally) => t.in - (t.stored + t.duplicates + t.refused);
const add = (a: Tally, b: Tally): Tally => ({
  in: a.in + b.in,
  stored: a.stored + b.stored,
  duplicates: a.duplicates + b.duplicates,
  refused: a.refused + b.refused,
});

const countOf = (db: TestDb, sql: string, ...params: unknown[]): number =>
  Number(
    db.sqlite
      .prepare(sql)
      .pluck()
      .get(...params) ?? 0,
  );

async function timed(pass: () => Promise<Tally>): Promise<Pass> {
  const start = performance.now();
  const tally = await pass();
  return { ...tally, ms: performance.now() - start };
}

/** Runs a corpus twice on a fresh database and prints its figures as `corpus.<name>.*`. */
async function benchCorpus(
  name: string,
  unit: string,
  inName: string,
  run: (db: TestDb, pass: 1 | 2) => Promise<Tally>,
): Promise<void> {
  const db = await createTestDb();
  try {
    const first = await timed(() => run(db, 1));
    const second = await timed(() => run(db, 2));
    const lost = lostOf(first) + lostOf(second);
    report(`corpus.${name}.${inName}`, first.in, unit);
    report(`corpus.${name}.stored`, first.stored, unit);
    report(`corpus.${name}.duplicates`, first.duplicates, unit);
    report(`corpus.${name}.refused`, first.refused, unit);
    report(`corpus.${name}.lost`, lost, unit);
    report(`corpus.${name}.second_pass_new`, second.stored, unit);
    report(`corpus.${name}.elapsed`, first.ms, 'ms');
    report(`corpus.${name}.second_pass_elapsed`, second.ms, 'ms');
    if (lost !== 0) failures.push(`${name}: ${lost} ${unit} lost`);
    if (second.stored !== 0) failures.push(`${name}: the second pass stored ${second.stored} ${unit} again`);
    if (second.in !== first.in) failures.push(`${name}: the second pass read ${second.in}, not ${first.in}`);
  } finally {
    await db.destroy();
  }
}

// ── email: every .eml alone, then the mbox files; the second pass imports copies under other names,
// so the import run sees new files and each message meets the Message-ID check, not a skipped file.
async function emailPass(db: TestDb, pass: 1 | 2): Promise<Tally> {
  const files = [...emailCorpusFiles('.eml'), ...emailCorpusFiles('.mbox')];
  const copies = path.join(db.dir, `pass-${pass}`);
  mkdirSync(copies);
  let tally = zero();
  for (const [index, original] of files.entries()) {
    const file = pass === 1 ? original : path.join(copies, `${index}-${path.basename(original)}`);
    if (file !== original) copyFileSync(original, file);
    let messages = 0;
    for await (const _message of readMbox(file)) messages++;
    const before = countOf(db, 'SELECT count(*) FROM EmailMessage');
    const summary = await importMbox({ db, file, now });
    if (summary.status !== 'completed') failures.push(`email: ${file} was ${summary.status}`);
    tally = add(tally, {
      in: messages,
      stored: countOf(db, 'SELECT count(*) FROM EmailMessage') - before,
      duplicates: summary.skipped,
      refused: summary.problems.filter((p) => p.reason.startsWith('refused')).length,
    });
  }
  return tally;
}

// ── access logs: stored and duplicates are the counts committed with the aggregates (ImportRun rows);
// the second pass must leave the aggregates as they were.
const AGGREGATE_TOTAL = `SELECT
  (SELECT COALESCE(SUM(pageViews), 0) FROM WebDailyCountry) + (SELECT COALESCE(SUM(pageViews), 0) FROM WebDailyReferrer)
  + (SELECT COALESCE(SUM(requests), 0) FROM WebDailyBot) + (SELECT COALESCE(SUM(downloads), 0) FROM DownloadDaily)`;

async function logPass(db: TestDb, pass: 1 | 2): Promise<Tally> {
  const files = accessLogCorpusFiles();
  const aggregatesBefore = countOf(db, AGGREGATE_TOTAL);
  const results = await importAccessLogs({
    db,
    now,
    files: files.map((file) => path.join(ACCESS_LOG_CORPUS_DIR, file)),
    downloadPaths: ['/download/'],
    ownDomains: [],
  });
  if (pass === 2 && countOf(db, AGGREGATE_TOTAL) !== aggregatesBefore)
    failures.push('logs: the second pass changed the daily aggregates');
  let tally = zero();
  for (const result of results) {
    if (result.error) failures.push(`logs: ${result.file}: ${result.error}`);
    const run = db.sqlite
      .prepare('SELECT created, skipped FROM ImportRun WHERE id = ?')
      .safeIntegers(false)
      .get(result.runId) as { created: number; skipped: number } | undefined;
    tally = add(tally, {
      in: 0,
      stored: run?.created ?? 0,
      duplicates: run?.skipped ?? 0,
      refused: Object.values(result.refusedByReason).reduce((sum, n) => sum + n, 0),
    });
  }
  tally.in = files.reduce((sum, file) => sum + accessLogCorpusLines(file).length, 0);
  return tally;
}

// ── hooks: every sample of every hook corpus, signed and posted; counted from the WebhookEvent rows.
function webhookRows(db: TestDb, source: string): Omit<Tally, 'in'> {
  const by = (statuses: string) =>
    countOf(db, `SELECT count(*) FROM WebhookEvent WHERE source = ? AND status IN (${statuses})`, source);
  return { stored: by(`'processed', 'kept'`), duplicates: by(`'duplicate'`), refused: by(`'rejected'`) };
}

async function hookPass(db: TestDb, pass: 1 | 2): Promise<Tally> {
  let tally = zero();
  for (const corpus of HOOK_CORPORA) {
    const server = await corpus.start(db);
    try {
      const before = webhookRows(db, corpus.source);
      const samples = corpus.samples();
      for (const sample of samples) {
        const status = await corpus.send(server.url, sample);
        if (status >= 500) failures.push(`hooks: ${corpus.source} ${sample.name} answered ${status}`);
      }
      const after = webhookRows(db, corpus.source);
      if (pass === 1) report(`corpus.hooks.${corpus.source}.events`, samples.length, 'events');
      tally = add(tally, {
        in: samples.length,
        stored: after.stored - before.stored,
        duplicates: after.duplicates - before.duplicates,
        refused: after.refused - before.refused,
      });
    } finally {
      await server.close();
    }
  }
  return tally;
}

await benchCorpus('email', 'messages', 'messages', emailPass);
await benchCorpus('logs', 'lines', 'lines', logPass);
await benchCorpus('hooks', 'events', 'events', hookPass);
if (failures.length > 0) {
  for (const failure of failures) console.error(`# corpus: ${failure}`);
  process.exitCode = 1;
}
