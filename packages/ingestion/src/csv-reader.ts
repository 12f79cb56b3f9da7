// Reads a CSV file as batches of read rows (parsed, redacted, validated), streaming in constant
// memory. A batch is read whole before the runner writes it in one transaction.
//
// Parsing is Papa Parse's, on whole lines of text: the file is read in chunks, each cut after its
// last line break, and a record still open at the cut (a quoted field with a line break in it)
// waits for the next chunk. Why Papa Parse: csv-parse took 1.9 s of a 100,000-row import's 13 s
// (it walks the bytes one by one in JavaScript); Papa Parse reads the same file in 0.3 s.
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import Papa from 'papaparse';
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

/** A record still open after this much text is not a record: most likely an unclosed quote. */
export const CSV_MAX_RECORD_CHARS = 1024 * 1024;
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The separator the header line uses most. Why not Papa Parse's guess: it reads "1234,50;EUR"
 * (a semicolon export with decimal commas) as comma-separated.
 */
function delimiterOf(text: string): string {
  const end = text.search(/[\r\n]/);
  const header = end === -1 ? text : text.slice(0, end);
  let best: string = DELIMITERS[0];
  let bestCount = 0;
  for (const candidate of DELIMITERS) {
    const count = header.split(candidate).length - 1;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

/** Batches of `batchSize` records after the header; the last one has `done` set. */
export async function* readCsvBatches<F extends string, T>(
  kind: Pick<CsvImportKind<F, T>, 'columns' | 'required' | 'read'>,
  options: CsvReadOptions,
): AsyncGenerator<CsvBatch<T>> {
  const source = createReadStream(options.file, { highWaterMark: 256 * 1024 });
  const decoder = new StringDecoder('utf8');
  let positions: [F, number][] | null = null;
  let columnCount = 0;
  let seen = 0;
  // Found in the first chunk, then fixed: a later chunk must not guess differently.
  let delimiter = '';
  let linebreak = '';
  let carry = ''; // text of a record still open at the last cut
  let carryLine = 1; // the line that text starts on
  let bytesBeforeCarry = 0;
  let batch: CsvBatch<T> = { items: [], bytesDone: 0, done: false };
  const ready: CsvBatch<T>[] = [];

  /** Parses the complete lines of carry + text; keeps a record still open at the end for later. */
  const parseText = (text: string, atEnd: boolean) => {
    let input = carry + text;
    if (bytesBeforeCarry === 0 && input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    // LF also splits CRLF lines (the CR is dropped below), so a file mixing both reads right; Papa
    // Parse's own guess would be CRLF and then keep LF-only lines together.
    if (linebreak === '') linebreak = input.includes('\n') ? '\n' : input.includes('\r') ? '\r' : '';
    const lineEnd = linebreak === '\r' ? '\r' : '\n';
    const cut = atEnd ? input.length : input.lastIndexOf(lineEnd) + 1;
    const complete = input.slice(0, cut);
    let consumed = 0; // chars of `complete` that ended in whole records
    let line = carryLine;
    const bytesAt = (chars: number) => bytesBeforeCarry + Buffer.byteLength(complete.slice(0, chars));
    if (delimiter === '' && complete !== '') delimiter = delimiterOf(complete);
    if (complete !== '')
      Papa.parse<string[]>(complete, {
        delimiter,
        newline: linebreak as Papa.ParseConfig['newline'],
        skipEmptyLines: false,
        step(result, parser) {
          const unclosed = result.errors.some((e) => e.code === 'MissingQuotes');
          if (unclosed && !atEnd) {
            parser.abort(); // open at the cut: the record goes on in the next chunk
            return;
          }
          const end = result.meta.cursor;
          const startLine = line;
          line += countOf(lineEnd, complete, consumed, end);
          consumed = end;
          const record = result.data;
          const last = record.length - 1;
          // A CRLF line keeps its CR when lines are split at LF: drop it.
          if (linebreak === '\n' && record[last]?.endsWith('\r')) record[last] = record[last].slice(0, -1);
          if (record.length === 1 && record[0] === '') return; // an empty line
          if (positions === null) {
            if (unclosed) throw new CsvImportError('The header line is unreadable: a quote is never closed.');
            positions = [...mapHeader(record, kind)];
            columnCount = record.length;
            return;
          }
          if (++seen <= options.resumeAfter) return;
          batch.items.push(
            unclosed
              ? { line: startLine, reason: 'a quoted field is never closed (the rest of the file is in it)' }
              : readRecord(kind, record, startLine, positions, columnCount, options.now),
          );
          if (batch.items.length >= options.batchSize) {
            batch.bytesDone = bytesAt(end);
            ready.push(batch);
            batch = { items: [], bytesDone: batch.bytesDone, done: false };
          }
        },
      });
    bytesBeforeCarry = bytesAt(consumed);
    if (batch.items.length > 0) batch.bytesDone = bytesBeforeCarry;
    carry = input.slice(consumed);
    carryLine = line;
    if (carry.length > CSV_MAX_RECORD_CHARS) throw tooLong(carryLine);
  };

  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      parseText(decoder.write(chunk), false);
      yield* ready.splice(0);
    }
    parseText(decoder.end(), true);
    yield* ready.splice(0);
  } finally {
    // An import that stops early (a full disk) closes the file too.
    source.destroy();
  }
  if (positions === null) throw new CsvImportError('The file is empty: no header line.');
  yield { ...batch, done: true };
}

function tooLong(line: number): CsvImportError {
  return new CsvImportError(
    `The record starting on line ${line} is longer than 1 MiB: most likely a quote there is never closed. The rows before it were imported.`,
  );
}

function countOf(mark: string, text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf(mark, from); i !== -1 && i < to; i = text.indexOf(mark, i + 1)) count++;
  return count;
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
