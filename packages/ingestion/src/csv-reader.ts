// Reads a CSV file as batches of read rows (parsed, redacted, validated), streaming in constant
// memory. A batch is read whole before the runner writes it in one transaction.
import { createReadStream } from 'node:fs';
import { type Parser, parse } from 'csv-parse';
import { CsvImportError, type CsvImportKind, type CsvRow, mapHeader, RowRejectedError } from './csv-kind.ts';

/** One data record of the file: what its kind read from it, or why it was rejected. */
export type CsvItem<T> = { line: number; value: T } | { line: number; reason: string };

export type CsvBatch<T> = {
  items: CsvItem<T>[];
  /** Bytes of the file read up to the end of the batch's last record. */
  bytesDone: number;
  /** The file's last batch (possibly empty). */
  done: boolean;
};

export type CsvReadOptions = {
  file: string;
  now: Date;
  /** Records already imported by an interrupted run of the same file: not read again. */
  resumeAfter: number;
  batchSize: number;
};

type ParsedRecord = { record: string[]; info: { lines: number; bytes: number } };
/** A record the parser could not read (an unclosed quote, an oversized record), in file order. */
type SkippedRecord = { skipped: Error & { lines?: number } };

/** Batches of `batchSize` records after the header; the last one has `done` set. */
export async function* readCsvBatches<F extends string, T>(
  kind: Pick<CsvImportKind<F, T>, 'columns' | 'required' | 'read'>,
  options: CsvReadOptions,
): AsyncGenerator<CsvBatch<T>> {
  const parser: Parser = parse({
    bom: true,
    info: true,
    delimiter: [',', ';', '\t'],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: 1024 * 1024,
    // A record the parser gives up on becomes a rejection in its place, and parsing goes on. Left
    // to fail the stream, it would also drop the good records the stream still held.
    skip_records_with_error: true,
    on_skip: (error) => {
      parser.push({ skipped: error ?? new Error('unreadable record') } satisfies SkippedRecord);
    },
  });
  const source = createReadStream(options.file, { highWaterMark: 256 * 1024 });
  source.pipe(parser);
  let positions: [F, number][] | null = null;
  let columnCount = 0;
  let seen = 0;
  let batch: CsvBatch<T> = { items: [], bytesDone: 0, done: false };
  try {
    for await (const parsed of parser as AsyncIterable<ParsedRecord | SkippedRecord>) {
      if ('skipped' in parsed) {
        if (positions === null)
          throw new CsvImportError(`The header line is unreadable: ${parsed.skipped.message}`);
        if (++seen > options.resumeAfter)
          batch.items.push({ line: parsed.skipped.lines ?? 0, reason: parsed.skipped.message });
      } else if (positions === null) {
        positions = [...mapHeader(parsed.record, kind)];
        columnCount = parsed.record.length;
        continue;
      } else {
        batch.bytesDone = parsed.info.bytes;
        if (++seen > options.resumeAfter)
          batch.items.push(
            readRecord(kind, parsed.record, parsed.info.lines, positions, columnCount, options.now),
          );
      }
      if (batch.items.length >= options.batchSize) {
        yield batch;
        batch = { items: [], bytesDone: batch.bytesDone, done: false };
      }
    }
  } finally {
    // An import that stops early (a full disk) closes the file too.
    source.destroy();
    parser.destroy();
  }
  if (positions === null) throw new CsvImportError('The file is empty: no header line.');
  yield { ...batch, done: true };
}

function readRecord<F extends string, T>(
  kind: Pick<CsvImportKind<F, T>, 'read'>,
  record: string[],
  line: number,
  positions: [F, number][],
  columnCount: number,
  now: Date,
): CsvItem<T> {
  if (record.length !== columnCount)
    return { line, reason: `expected ${columnCount} columns, found ${record.length}` };
  const row = {} as CsvRow<F>;
  for (const [field, index] of positions) row[field] = record[index] ?? '';
  try {
    return { line, value: kind.read(row, now) };
  } catch (error) {
    if (error instanceof RowRejectedError) return { line, reason: error.message };
    throw error;
  }
}
