// Google Takeout mbox import: streaming, batched, resumable, idempotent by Message-ID.
// Each batch's rows and the byte offset after its last message commit in one transaction, so
// a crash loses at most the batch in flight, and the rerun starts exactly where the commit left.
import type { Db } from '@keydesk/db';
import {
  addProblem,
  fingerprintFile,
  finishImportRun,
  type ImportProblem,
  type ImportProgress,
  type ImportSummary,
  openImportRun,
  parseProblems,
  saveProgress,
} from './import-run.ts';
import { type MboxMessage, readMbox, separatorDate } from './mbox-splitter.ts';
import { MalformedEmailError, type ParsedEmail, parseEmail } from './parse-email.ts';
import { storeEmail } from './store-emails.ts';

export type ImportMboxOptions = {
  db: Db;
  file: string;
  now: () => Date;
  ownAddresses?: Iterable<string>;
  maxAttachmentBytes?: number;
  /** Messages per transaction. */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
};

export const DEFAULT_MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export async function importMbox(options: ImportMboxOptions): Promise<ImportSummary> {
  const { db, file } = options;
  const batchSize = options.batchSize ?? 500;
  const ownAddresses = new Set([...(options.ownAddresses ?? [])].map((a) => a.toLowerCase()));
  const { fingerprint, size } = fingerprintFile(file);
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

  try {
    for await (const message of readMbox(file, run.bytesDone)) {
      const parsed = await parseOne(message, options, progress, problems);
      batch.push({ message, parsed });
      if (batch.length >= batchSize) commit();
    }
    commit();
  } catch (error) {
    finishImportRun(db, run.runId, 'failed', options.now());
    throw error;
  }
  finishImportRun(db, run.runId, 'completed', options.now());
  return { ...progress, status: 'completed', problems };
}

async function parseOne(
  message: MboxMessage,
  options: ImportMboxOptions,
  progress: ImportProgress,
  problems: ImportProblem[],
): Promise<ParsedEmail | null> {
  try {
    return await parseEmail(message.raw, {
      maxAttachmentBytes: options.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES,
      fallbackDate: separatorDate(message.separator) ?? options.now(),
      gmailMessageId: /^From (\d+)@xxx\b/.exec(message.separator)?.[1] ?? null,
    });
  } catch (error) {
    if (!(error instanceof MalformedEmailError)) throw error;
    progress.rejected++;
    addProblem(problems, {
      at: `byte ${message.start}`,
      reason: `malformed message skipped: ${error.message}`,
    });
    return null;
  }
}
