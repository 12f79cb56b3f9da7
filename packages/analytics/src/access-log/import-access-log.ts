// Streams plain or gzip'd combined logs into the daily aggregates. Counters are flushed every
// `checkpointLines` lines in one transaction together with the time ranges they cover
// (WebLogCoverage); a later run skips any line inside a covered range, so a re-import, an
// overlapping rotated file, or a resumed crash never counts a line twice.

import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Db } from '@keydesk/db';
import {
  createAccessLogWriter,
  finishImportRun,
  isCovered,
  loadCoverage,
  type RunCounts,
  startImportRun,
} from './access-log-sql.ts';
import { loadIpCountryTables } from './ip-country.ts';
import { type AggregatorOptions, dayOf, LogAggregator } from './log-aggregator.ts';
import { parseCombinedLine } from './parse-combined-line.ts';

export type AccessLogProgress = { file: string; bytesDone: number; bytesTotal: number; lines: number };

export type AccessLogFileResult = RunCounts & {
  file: string;
  runId: number;
  /** The .gz ended before its compressed stream did; the lines before the cut were counted. */
  truncated: boolean;
  error: string | null;
  /** First malformed lines by number, with a reason (never the line's text: it holds an IP). */
  malformedSamples: { line: number; reason: string }[];
};

export type ImportAccessLogsOptions = AggregatorOptions & {
  db: Db;
  now: () => Date;
  files: string[];
  /** The site these logs belong to; coverage is kept per source. */
  source?: string;
  checkpointLines?: number;
  onProgress?: (progress: AccessLogProgress) => void;
};

const MAX_SAMPLES = 20;
const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Whole lines of bytes → text. Logs are ASCII almost always (servers escape other bytes as \xHH), and
 * for ASCII latin1 decoding gives the same string as UTF-8 at a tenth of the cost; a piece with other
 * bytes is decoded as UTF-8. It ends at a newline, so no character is ever cut in two.
 */
function decodeLines(bytes: Buffer): string {
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

async function headOf(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

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
  const source = options.source ?? 'web';
  const checkpointLines = options.checkpointLines ?? 250_000;
  const size = (await stat(file)).size;
  const head = await headOf(file);
  // The head identifies a file even after it grew or was renamed by logrotate.
  const fingerprint = createHash('sha256').update(head).digest('hex');
  const isGzip = head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  const runId = startImportRun(db.sqlite, {
    fingerprint,
    source: path.basename(file),
    bytesTotal: size,
    now: options.now(),
  });
  const coverage = loadCoverage(db.sqlite, source);
  const writer = createAccessLogWriter(db.sqlite, source);
  const counts: RunCounts = { lines: 0, counted: 0, skipped: 0, malformed: 0, bytesDone: 0 };
  const samples: { line: number; reason: string }[] = [];
  let truncated = false;
  let error: string | null = null;

  const flush = () => {
    writer.flush(aggregator.takePending(), runId, counts);
    const latest = aggregator.latestDay();
    if (latest) aggregator.dropDaysBefore(dayOf(Date.parse(latest) - 86_400_000));
    options.onProgress?.({ file, bytesDone: counts.bytesDone, bytesTotal: size, lines: counts.lines });
  };

  const handleLine = (text: string) => {
    counts.lines += 1;
    if (counts.lines % 50_000 === 0) {
      writer.reportProgress(runId, counts);
      options.onProgress?.({ file, bytesDone: counts.bytesDone, bytesTotal: size, lines: counts.lines });
    }
    if (text.length === 0) return;
    const line = parseCombinedLine(text.endsWith('\r') ? text.slice(0, -1) : text);
    if (!line) {
      counts.malformed += 1;
      if (samples.length < MAX_SAMPLES)
        samples.push({ line: counts.lines, reason: 'not a combined-format line' });
      return;
    }
    const day = aggregator.day(line.time);
    if (isCovered(coverage, day, line.time)) {
      counts.skipped += 1;
      return;
    }
    aggregator.add(line, day);
    counts.counted += 1;
    if (counts.counted % checkpointLines === 0) flush();
  };

  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  raw.on('data', (chunk) => {
    counts.bytesDone += chunk.length;
  });
  const input = isGzip ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw;
  raw.on('error', (err) => input.destroy(err));
  const handleText = (text: string) => {
    let start = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
      handleLine(text.slice(start, newline));
      start = newline + 1;
    }
  };
  let rest: Buffer | null = null;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let from = 0;
      if (rest) {
        // The line cut at the last read ends in this chunk: join just that line's bytes.
        const newline = chunk.indexOf(10);
        if (newline < 0) {
          rest = Buffer.concat([rest, chunk]);
          continue;
        }
        handleText(decodeLines(Buffer.concat([rest, chunk.subarray(0, newline + 1)])));
        rest = null;
        from = newline + 1;
      }
      const lastNewline = chunk.lastIndexOf(10);
      if (lastNewline >= from) handleText(decodeLines(chunk.subarray(from, lastNewline + 1)));
      const tail = Math.max(from, lastNewline + 1);
      if (tail < chunk.length) rest = Buffer.from(chunk.subarray(tail));
    }
    if (rest) handleLine(rest.toString('utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (isGzip && (e.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(e.message))) {
      truncated = true;
      error =
        'The .gz file is truncated: it ends before its compressed data does. Lines before the cut were counted.';
    } else error = `Reading stopped: ${e.message}`;
  }
  flush();
  finishImportRun(db.sqlite, {
    id: runId,
    status: error ? 'failed' : 'completed',
    errors: error ? [{ line: counts.lines, reason: error }, ...samples] : samples,
    now: options.now(),
  });
  return { ...counts, file, runId, truncated, error, malformedSamples: samples };
}
