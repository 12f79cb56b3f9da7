// The batches a CSV import writes, read in this thread or on a worker thread. Reading (CSV parsing,
// card-number redaction, validation) costs about a third of an import; on a machine with a core to
// spare a worker reads the next batches while this thread writes the current one.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CsvImportError, type CsvImportKind } from './csv-kind.ts';
import { createCsvKind } from './csv-kinds.ts';
import { type CsvBatch, type CsvReadOptions, readCsvBatches } from './csv-reader.ts';

export type CsvReadWorkerData = Omit<CsvReadOptions, 'now'> & {
  kind: string;
  variant: string;
  nowMs: number;
};

export type CsvWorkerMessage<T> =
  | { type: 'batch'; batch: CsvBatch<T> }
  | { type: 'error'; message: string; code: string | null; importError: boolean };

/** A worker for files of 1 MiB and more, where starting one costs less than it saves. */
export function shouldReadOnWorker(bytes: number): boolean {
  return bytes >= 1024 * 1024 && availableParallelism() > 1;
}

export type CsvBatches<T> = AsyncIterable<CsvBatch<T>> & { close(): Promise<void> };

export function openCsvBatches<F extends string, T>(
  kind: CsvImportKind<F, T>,
  options: CsvReadOptions & { onWorker: boolean },
): CsvBatches<T> {
  // A kind the worker cannot build by name (a test's own kind) is read here.
  if (options.onWorker && createCsvKind(kind.kind, kind.variant)) return workerBatches<T>(kind, options);
  const batches = readCsvBatches(kind, options);
  return {
    [Symbol.asyncIterator]: () => batches,
    async close() {
      await batches.return(undefined);
    },
  };
}

function workerBatches<T>(kind: { kind: string; variant: string }, options: CsvReadOptions): CsvBatches<T> {
  const worker = new Worker(new URL('./csv-read-worker.mjs', import.meta.url), {
    workerData: {
      kind: kind.kind,
      variant: kind.variant,
      file: options.file,
      nowMs: options.now.getTime(),
      resumeAfter: options.resumeAfter,
      batchSize: options.batchSize,
    } satisfies CsvReadWorkerData,
  });
  const arrived: CsvWorkerMessage<T>[] = [];
  let failure: Error | null = null;
  let finished = false;
  let waiting: (() => void) | null = null;
  const wakeReader = () => {
    waiting?.();
    waiting = null;
  };
  worker.on('message', (message: CsvWorkerMessage<T>) => {
    arrived.push(message);
    wakeReader();
  });
  worker.on('error', (error) => {
    failure ??= error;
    wakeReader();
  });
  worker.on('exit', (code) => {
    if (!finished) failure ??= new Error(`The CSV read worker stopped (exit code ${code}).`);
    wakeReader();
  });
  let handedOut = 0;
  async function* batches(): AsyncGenerator<CsvBatch<T>> {
    while (true) {
      // The previous batch is written: the worker may read one more ahead.
      if (handedOut > 0) worker.postMessage('written');
      while (arrived.length === 0 && !failure) await new Promise<void>((resolve) => (waiting = resolve));
      const message = arrived.shift();
      if (!message) throw failure ?? new Error('The CSV read worker stopped.');
      if (message.type === 'error') {
        finished = true;
        if (message.importError) throw new CsvImportError(message.message);
        throw Object.assign(new Error(message.message), message.code ? { code: message.code } : {});
      }
      handedOut++;
      if (message.batch.done) finished = true;
      yield message.batch;
      if (message.batch.done) return;
    }
  }
  return {
    [Symbol.asyncIterator]: batches,
    async close() {
      finished = true;
      await worker.terminate();
    },
  };
}
