// Google Takeout mbox import: streaming, batched, resumable, idempotent by Message-ID.
// Each batch's rows and the byte offset after its last message commit in one transaction, so
// a crash loses at most the batch in flight, and the rerun starts exactly where the commit left.
// Parsing runs ahead of the writes (on worker threads for large files), in a bounded window whose
// results are taken in file order, so batches and offsets are the same as a one-by-one import.
import { fingerprintFile } from '@keydesk/db';
import {
  addProblem,
  finishImportRun,
  type ImportProblem,
  type ImportProgress,
  type ImportSummary,
  openImportRun,
  parseProblems,
  saveProgress,
} from './import-run.ts';
import { type MboxMessage, readMbox, separatorDate } from './mbox-splitter.ts';
import type { ParsedEmail } from './parse-email.ts';
import { createParsePool, defaultParseWorkers, type ParseOutcome } from './parse-pool.ts';
import { DEFAULT_MAX_ATTACHMENT_BYTES, type EmailIntakeOptions, storeEmail } from './store-emails.ts';

export type ImportMboxOptions = EmailIntakeOptions & {
  file: string;
  /** Worker threads that parse; 0 parses in this thread. Default: by file size and cores. */
  parseWorkers?: number;
  onProgress?: (progress: ImportProgress) => void;
};

/** Messages parsed ahead of the writes: enough to keep every parser busy, few enough to stay small. */
const IN_FLIGHT = 64;

export async function importMbox(options: ImportMboxOptions): Promise<ImportSummary> {
  const { db, file } = options;
  const batchSize = options.batchSize ?? 500;
  const ownAddresses = new Set([...(options.ownAddresses ?? [])].map((a) => a.toLowerCase()));
  const { fingerprint, size } = fingerprintFile(file, { by: 'name-and-head' });
  const run = openImportRun(db, 'mbox', file, fingerprint, size, options.now());
  const problems: ImportProblem[] = parseProblems(run.errors);
  const progress: ImportProgress = {
    runId: run.runId,
    bytesDone: run.bytesDone,
    bytesTotal: size,
    itemsDone: run.itemsDone,
    created: run.created,
    skipped: run.skipped,
    rejected: run.rejected,
  };
  if (run.status === 'completed') return { ...progress, status: 'already-imported', problems };

  type Item = { message: MboxMessage; parsed: ParsedEmail | null };
  let batch: Item[] = [];
  const commit = (): void => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    const now = options.now();
    db.sqlite.transaction(() => {
      for (const { message, parsed } of items) {
        progress.itemsDone++;
        progress.bytesDone = message.end;
        if (!parsed) continue;
        const result = storeEmail(db, parsed, { source: 'mbox', ownAddresses, now });
        if (result === 'created') progress.created++;
        else progress.skipped++;
      }
      saveProgress(db, progress, problems);
    })();
    options.onProgress?.({ ...progress });
  };

  const pool = createParsePool({
    workers: options.parseWorkers ?? defaultParseWorkers(size - run.bytesDone),
    maxAttachmentBytes: options.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES,
  });
  // Parses in flight, oldest first: bounds memory and keeps the file's order.
  const inFlight: { message: MboxMessage; outcome: Promise<ParseOutcome> }[] = [];
  const takeOldest = async (): Promise<void> => {
    const item = inFlight.shift();
    if (!item) return;
    const outcome = await item.outcome;
    let parsed: ParsedEmail | null = null;
    if ('email' in outcome) parsed = outcome.email;
    else {
      progress.rejected++;
      // Its number in the file counts every message before it, refused ones included.
      const position = progress.itemsDone + batch.length + 1;
      addProblem(problems, {
        at: `message ${position} at byte ${item.message.start}`,
        reason: `refused, not an email: ${outcome.malformed}`,
      });
    }
    batch.push({ message: item.message, parsed });
    if (batch.length >= batchSize) commit();
  };

  try {
    for await (const message of readMbox(file, run.bytesDone)) {
      const outcome = pool.parse({
        raw: message.raw,
        fallbackDate: separatorDate(message.separator),
        gmailMessageId: /^From (\d+)@xxx\b/.exec(message.separator)?.[1] ?? null,
      });
      outcome.catch(() => {}); // rejections surface when the loop reaches it, not as unhandled
      inFlight.push({ message, outcome });
      if (inFlight.length >= IN_FLIGHT) await takeOldest();
    }
    while (inFlight.length > 0) await takeOldest();
    commit();
  } catch (error) {
    finishImportRun(db, run.runId, 'failed', options.now());
    throw error;
  } finally {
    await pool.close();
  }
  finishImportRun(db, run.runId, 'completed', options.now());
  return { ...progress, status: 'completed', problems };
}
