// Parses raw messages for the mbox import, either in this thread or on a pool of worker threads.
// mailparser costs about twice what storing a message does, so on a machine with cores to spare
// the workers parse while the importing thread only splits the file and writes.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { MalformedEmailError, type ParsedEmail, parseEmail } from './parse-email.ts';

export type ParseRequest = {
  id: number;
  raw: Uint8Array;
  fallbackDate: number | null;
  gmailMessageId: string | null;
};
export type ParseReply =
  | { id: number; email: ParsedEmail }
  | { id: number; error: string; malformed: boolean };
export type ParseWorkerData = { maxAttachmentBytes: number };

/** Messages cross between threads in batches: a postMessage costs a fair part of a parse. */
const BATCH = 16;

/** A message that is not an email resolves as `malformed` (reported, skipped); other errors reject. */
export type ParseOutcome = { email: ParsedEmail } | { malformed: string };

export type ParseInput = { raw: Buffer; fallbackDate: Date | null; gmailMessageId: string | null };

export type ParsePool = {
  parse(input: ParseInput): Promise<ParseOutcome>;
  close(): Promise<void>;
};

/**
 * Worker threads for an import of `bytes`: none for small files, where starting them costs more;
 * else one per core but the importing thread's own (more only add copying and garbage collection).
 */
export function defaultParseWorkers(bytes: number): number {
  return bytes < 1024 * 1024 ? 0 : Math.min(3, availableParallelism() - 1);
}

export function createParsePool(options: { workers: number; maxAttachmentBytes: number }): ParsePool {
  return options.workers > 0 ? workerPool(options.workers, options.maxAttachmentBytes) : localPool(options);
}

function localPool({ maxAttachmentBytes }: { maxAttachmentBytes: number }): ParsePool {
  return {
    async parse({ raw, fallbackDate, gmailMessageId }) {
      try {
        return { email: await parseEmail(raw, { maxAttachmentBytes, fallbackDate, gmailMessageId }) };
      } catch (error) {
        if (error instanceof MalformedEmailError) return { malformed: error.message };
        throw error;
      }
    },
    async close() {},
  };
}

type Pending = { resolve: (outcome: ParseOutcome) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; pending: Map<number, Pending>; queued: ParseRequest[] };

function workerPool(count: number, maxAttachmentBytes: number): ParsePool {
  let nextId = 0;
  let failure: Error | null = null;
  const fail = (slot: Slot, error: Error) => {
    failure ??= error;
    for (const p of slot.pending.values()) p.reject(error);
    slot.pending.clear();
  };
  const slots: Slot[] = Array.from({ length: count }, () => {
    const worker = new Worker(new URL('./parse-worker.mjs', import.meta.url), {
      workerData: { maxAttachmentBytes } satisfies ParseWorkerData,
      // A parse makes short-lived garbage only: a small young generation is collected more often
      // and keeps the worker ~30 MB smaller through a 100k-message import, at no measured cost.
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    const slot: Slot = { worker, pending: new Map(), queued: [] };
    worker.on('message', (replies: ParseReply[]) => {
      for (const reply of replies) {
        const p = slot.pending.get(reply.id);
        if (!p) continue;
        slot.pending.delete(reply.id);
        if ('email' in reply) p.resolve({ email: withBuffers(reply.email) });
        else if (reply.malformed) p.resolve({ malformed: reply.error });
        else p.reject(new Error(reply.error));
      }
    });
    worker.on('error', (error) => fail(slot, error));
    worker.on('exit', (code) => fail(slot, new Error(`mbox parse worker exited with code ${code}`)));
    return slot;
  });
  let closed = false;
  const send = (slot: Slot) => {
    if (slot.queued.length === 0) return;
    const batch = slot.queued;
    slot.queued = [];
    slot.worker.postMessage(
      batch,
      batch.map((r) => r.raw.buffer as ArrayBuffer),
    );
  };
  // What is queued when the importer's loop yields to the event loop goes out together.
  let flushScheduled = false;
  const flushSoon = () => {
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(() => {
      flushScheduled = false;
      for (const slot of slots) send(slot);
    });
  };
  return {
    parse(input) {
      if (failure) return Promise.reject(failure);
      if (closed) return Promise.reject(new Error('parse pool is closed'));
      const { raw, fallbackDate, gmailMessageId } = input;
      const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      // A copy the size of the message: the split buffer behind `raw` is a whole read chunk, and
      // posting a view would clone all of it.
      const copy = new Uint8Array(raw);
      return new Promise<ParseOutcome>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.queued.push({ id, raw: copy, fallbackDate: fallbackDate?.getTime() ?? null, gmailMessageId });
        if (slot.queued.length >= BATCH) send(slot);
        else flushSoon();
      });
    },
    async close() {
      closed = true;
      for (const slot of slots) slot.worker.removeAllListeners('exit');
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

// Structured clone turns Buffers into plain Uint8Arrays; SQLite binds only Buffers as blobs.
function withBuffers(email: ParsedEmail): ParsedEmail {
  for (const a of email.attachments) {
    if (a.content && !Buffer.isBuffer(a.content)) {
      const bytes = a.content as Uint8Array;
      a.content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
  }
  return email;
}
