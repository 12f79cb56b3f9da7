// Worker thread of csv-batches.ts: parses, redacts and validates the CSV file and posts batches of
// read rows to the importing thread, staying at most READ_AHEAD batches ahead of its writes so
// memory stays constant whatever the file's size.
import { parentPort, workerData } from 'node:worker_threads';
import type { CsvReadWorkerData, CsvWorkerMessage } from './csv-batches.ts';
import { CsvImportError } from './csv-kind.ts';
import { createCsvKind } from './csv-kinds.ts';
import { readCsvBatches } from './csv-reader.ts';

const READ_AHEAD = 2;

const port = parentPort;
if (!port) throw new Error('csv-read-worker.ts runs only as a worker thread');
const data = workerData as CsvReadWorkerData;
const post = (message: CsvWorkerMessage<unknown>) => port.postMessage(message);

let unacknowledged = 0;
let wake: (() => void) | null = null;
port.on('message', () => {
  unacknowledged--;
  wake?.();
  wake = null;
});

try {
  const kind = createCsvKind(data.kind, data.variant);
  if (!kind) throw new Error(`No CSV import kind "${data.kind}" (${data.variant})`);
  for await (const batch of readCsvBatches(kind, { ...data, now: new Date(data.nowMs) })) {
    post({ type: 'batch', batch });
    unacknowledged++;
    while (unacknowledged >= READ_AHEAD) await new Promise<void>((resolve) => (wake = resolve));
  }
} catch (error) {
  const code = error instanceof Error && 'code' in error ? String(error.code) : null;
  post({
    type: 'error',
    message: error instanceof Error ? error.message : String(error),
    code,
    importError: error instanceof CsvImportError,
  });
}
// Without a listener the port no longer holds the thread open: it ends once the posts are out.
port.removeAllListeners('message');
