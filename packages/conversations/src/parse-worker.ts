// Worker thread of parse-pool.ts: parses the raw messages it is sent with parseEmail (mailparser,
// redaction, HTML-to-text) and posts the results back. Several messages are in flight at once, so
// mailparser's setImmediate hops interleave and the thread never waits on one message.
import { parentPort, workerData } from 'node:worker_threads';
import { MalformedEmailError, parseEmail } from './parse-email.ts';
import type { ParseReply, ParseRequest, ParseWorkerData } from './parse-pool.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs only as a worker thread');
const { maxAttachmentBytes } = workerData as ParseWorkerData;

port.on('message', (requests: ParseRequest[]) => {
  void Promise.all(requests.map(parseOne)).then((replies) => port.postMessage(replies));
});

function parseOne(request: ParseRequest): Promise<ParseReply> {
  return parseEmail(Buffer.from(request.raw.buffer, request.raw.byteOffset, request.raw.byteLength), {
    maxAttachmentBytes,
    fallbackDate: request.fallbackDate === null ? null : new Date(request.fallbackDate),
    gmailMessageId: request.gmailMessageId,
  }).then(
    (email) => ({ id: request.id, email }),
    (error: unknown) => ({
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
      malformed: error instanceof MalformedEmailError,
    }),
  );
}
