// Streams plain or gzip'd access logs into the daily aggregates. Each file is known by its first
// bytes of text and read only past what earlier imports took (web-log-files.ts); counters are
// committed every `checkpointLines` stored lines together with the file's new position, so a crash
// resumes where the last commit ended. Every line read ends as stored, a duplicate or refused with a
// reason: `lines = stored + duplicates + refused`.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '@keydesk/db';
import { createAccessLogWriter, finishImportRun, type RunCounts, startImportRun } from './access-log-sql.ts';
import { loadIpCountryTables } from './ip-country.ts';
import { type AggregatorOptions, dayOf, LogAggregator } from './log-aggregator.ts';
import { parseAccessLine } from './parse-access-line.ts';
import { MAX_LINE_BYTES, readLogLines } from './read-log-lines.ts';
import { findKnownFile, insertLogFile, readRawHead, readTextHead } from './web-log-files.ts';

export type AccessLogProgress = { file: string; bytesDone: number; bytesTotal: number; lines: number };

export type RefusedLine = { line: number; reason: string };

export type AccessLogFileResult = RunCounts & {
  file: string;
  runId: number | null;
  /** The .gz ended before its compressed stream did; the lines before the cut were counted. */
  truncated: boolean;
  error: string | null;
  /** The first refused lines by number, with their reason (never the line's text: it holds an IP). */
  refusedLines: RefusedLine[];
  /** Every refused line counted by reason. */
  refusedByReason: Record<string, number>;
};

export type ImportAccessLogsOptions = AggregatorOptions & {
  db: Db;
  now: () => Date;
  files: string[];
  /** The site these logs belong to (kept with each file's record). */
  source?: string;
  checkpointLines?: number;
  onProgress?: (progress: AccessLogProgress) => void;
};

/** Refused lines listed one by one (in the result and the ImportRun row); all are counted by reason. */
export const MAX_LISTED_REFUSALS = 1000;
const GZIP_MAGIC = [0x1f, 0x8b];

export const CUT_LINE_REST = 'rest of a line an earlier import read before the line was complete';
export const OVERLONG_LINE = `longer than ${MAX_LINE_BYTES} bytes: not a log line`;

export async function importAccessLogs(options: ImportAccessLogsOptions): Promise<AccessLogFileResult[]> {
  loadIpCountryTables();
  const aggregator = new LogAggregator(options);
  const results: AccessLogFileResult[] = [];
  for (const file of options.files) results.push(await importOne(file, aggregator, options));
  return results;
}

async function importOne(
  file: string,
  aggregator: LogAggregator,
  options: ImportAccessLogsOptions,
): Promise<AccessLogFileResult> {
  const { db } = options;
  const name = path.basename(file);
  const checkpointLines = options.checkpointLines ?? 250_000;
  const rawHead = await readRawHead(file);
  const isGzip = rawHead[0] === GZIP_MAGIC[0] && rawHead[1] === GZIP_MAGIC[1];
  const { size } = await stat(file);
  const textHead = await readTextHead(file, rawHead, isGzip);
  const counts: RunCounts = { lines: 0, stored: 0, duplicates: 0, refused: 0, bytesDone: 0 };
  const refusedLines: RefusedLine[] = [];
  const refusedByReason: Record<string, number> = {};
  const result = (runId: number | null, error: string | null, truncated: boolean) => ({
    ...counts,
    file,
    runId,
    truncated,
    error,
    refusedLines,
    refusedByReason,
  });
  if (textHead.length === 0) return result(null, null, false);

  const known = findKnownFile(db.sqlite, { textHead, rawHead, rawSize: size, isGzip });
  const source = options.source ?? 'web';
  const fileId = known?.id ?? insertLogFile(db.sqlite, { textHead, name, source, now: options.now() });
  // A file the old importer read whole is skipped whole; its lines were counted then.
  const startAt = known ? (known.isLegacyWhole ? Number.MAX_SAFE_INTEGER : known.bytesTaken) : 0;
  const runId = startImportRun(db.sqlite, {
    fileId,
    startAt: known?.bytesTaken ?? 0,
    source: name,
    bytesTotal: size,
    now: options.now(),
  });
  counts.lines = counts.duplicates = known?.linesTaken ?? 0;
  counts.bytesDone = isGzip ? 0 : Math.min(startAt, size);
  let committedBytes = known?.bytesTaken ?? 0;
  let storedSinceCommit = 0;

  const writer = createAccessLogWriter(db.sqlite);
  const commit = (offset: number) => {
    writer.flush(
      aggregator.takePending(),
      {
        id: fileId,
        expectedBytes: committedBytes,
        bytesTaken: offset,
        linesTaken: counts.lines,
        name,
        now: options.now(),
        textHead,
      },
      runId,
      counts,
    );
    committedBytes = offset;
    storedSinceCommit = 0;
    const latest = aggregator.latestDay();
    if (latest) aggregator.dropDaysBefore(dayOf(Date.parse(latest) - 86_400_000));
    options.onProgress?.({ file, bytesDone: counts.bytesDone, bytesTotal: size, lines: counts.lines });
  };

  const refuse = (reason: string) => {
    counts.refused += 1;
    refusedByReason[reason] = (refusedByReason[reason] ?? 0) + 1;
    if (refusedLines.length < MAX_LISTED_REFUSALS) refusedLines.push({ line: counts.lines, reason });
  };
  const handleLine = (text: string) => {
    counts.lines += 1;
    if (counts.lines % 50_000 === 0) {
      writer.reportProgress(runId, counts);
      options.onProgress?.({ file, bytesDone: counts.bytesDone, bytesTotal: size, lines: counts.lines });
    }
    const line = parseAccessLine(text.endsWith('\r') ? text.slice(0, -1) : text);
    if (typeof line === 'string') return refuse(line);
    aggregator.add(line, aggregator.day(line.time));
    counts.stored += 1;
    storedSinceCommit += 1;
  };

  let read: Awaited<ReturnType<typeof readLogLines>>;
  try {
    read = await readLogLines({
      file,
      isGzip,
      startAt,
      onLine: handleLine,
      onRestOfCutLine(text) {
        if (text.length === 0) return; // the line was whole after all: its newline came later
        counts.lines += 1;
        refuse(CUT_LINE_REST);
      },
      onOverlongLine() {
        counts.lines += 1;
        refuse(OVERLONG_LINE);
      },
      onPiece(offset) {
        if (storedSinceCommit >= checkpointLines) commit(offset);
      },
      onRawBytes(bytes) {
        counts.bytesDone += bytes;
      },
    });
    // A file the old importer read whole is now known by its text: the next import reads what is new.
    commit(known?.isLegacyWhole ? read.textLength : read.offset);
  } catch (error) {
    const message = `Import stopped: ${(error as Error).message}`;
    finishRun(runId, 'failed', { line: counts.lines, reason: message });
    return result(runId, message, false);
  }
  finishRun(
    runId,
    read.error ? 'failed' : 'completed',
    read.error ? { line: counts.lines, reason: read.error } : null,
  );
  return result(runId, read.error, read.truncated);

  function finishRun(id: number, status: 'completed' | 'failed', failure: RefusedLine | null) {
    const unlisted = counts.refused - refusedLines.length;
    const summary = Object.entries(refusedByReason)
      .map(([reason, n]) => `${n} × ${reason}`)
      .join('; ');
    finishImportRun(db.sqlite, {
      id,
      status,
      errors: [
        ...(failure ? [failure] : []),
        ...refusedLines,
        // The list stops at MAX_LISTED_REFUSALS; the counts by reason still cover every line.
        ...(unlisted > 0
          ? [{ line: counts.lines, reason: `${unlisted} more refused lines (${summary})` }]
          : []),
      ],
      now: options.now(),
    });
  }
}
