// Import of exported tawk.to transcripts (JSON), from the CLI or an upload in the UI.
// Chats are stored in batches with progress; the chat id makes a rerun harmless.
import { type Db, fingerprintBytes } from '@keydesk/db';
import {
  finishImportRun,
  type ImportProblem,
  type ImportProgress,
  openImportRun,
  saveProgress,
} from './import-run.ts';
import { MalformedChatError, parseTawkExport } from './parse-tawk.ts';
import { storeChat } from './store-chat.ts';

export type ImportChatsOptions = {
  db: Db;
  /** The file's bytes (CLI reads the file, the UI uploads it). */
  content: Buffer;
  source: string;
  now: () => Date;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
};

export type ImportChatsSummary = ImportProgress & { problems: ImportProblem[]; updated: number };

export function importChats(options: ImportChatsOptions): ImportChatsSummary {
  const { db, content } = options;
  const fingerprint = fingerprintBytes(content);
  const run = openImportRun(db, 'chats', options.source, fingerprint, content.length, options.now());
  const problems: ImportProblem[] = [];
  const progress: ImportProgress = {
    runId: run.runId,
    bytesDone: 0,
    bytesTotal: content.length,
    itemsDone: 0,
    created: 0,
    skipped: 0,
    rejected: 0,
  };
  let updated = 0;
  let chats: ReturnType<typeof parseTawkExport>;
  try {
    chats = parseTawkExport(JSON.parse(content.toString('utf8')));
  } catch (error) {
    const reason =
      error instanceof MalformedChatError || error instanceof SyntaxError ? error.message : String(error);
    problems.push({ at: 'file', reason: `not a transcript export: ${reason}` });
    progress.rejected = 1;
    db.sqlite.transaction(() => saveProgress(db, progress, problems))();
    finishImportRun(db, run.runId, 'failed', options.now());
    return { ...progress, problems, updated };
  }
  const batchSize = options.batchSize ?? 200;
  for (let i = 0; i < chats.length; i += batchSize) {
    const slice = chats.slice(i, i + batchSize);
    db.sqlite.transaction(() => {
      for (const chat of slice) {
        const result = storeChat(db, chat, { source: 'import', now: options.now() });
        if (result === 'created') progress.created++;
        else if (result === 'updated') updated++;
        else progress.skipped++;
        progress.itemsDone++;
      }
      progress.bytesDone = Math.round((content.length * progress.itemsDone) / chats.length);
      saveProgress(db, progress, problems);
    })();
    options.onProgress?.({ ...progress });
  }
  progress.bytesDone = content.length;
  db.sqlite.transaction(() => saveProgress(db, progress, problems))();
  finishImportRun(db, run.runId, 'completed', options.now());
  return { ...progress, problems, updated };
}
