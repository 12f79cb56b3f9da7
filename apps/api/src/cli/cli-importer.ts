import { existsSync } from 'node:fs';
import type { Db } from '@keydesk/db';
import { type CsvImportKind, type CsvImportSummary, runCsvImport } from '@keydesk/ingestion';
import { createProgressBar } from './cli-progress.ts';

export type CliImporter = {
  usage: string;
  /** Returns the exit code. */
  run(args: string[], context: { db: Db; now: () => Date }): Promise<number>;
};

/** The shared CSV command: progress bar on stderr, rejected rows on stderr, summary on stdout. */
export async function runCsvCli<F extends string, T>(options: {
  db: Db;
  now: () => Date;
  file: string | undefined;
  kind: CsvImportKind<F, T>;
  force: boolean;
}): Promise<number> {
  if (!options.file || !existsSync(options.file)) {
    console.error(options.file ? `No such file: ${options.file}` : 'Name the CSV file to import.');
    return 2;
  }
  const bar = createProgressBar(process.stderr);
  const summary: CsvImportSummary = await runCsvImport({
    db: options.db,
    now: options.now,
    file: options.file,
    kind: options.kind,
    force: options.force,
    onProgress: (p) => {
      bar.update(p.bytesDone, p.bytesTotal, p.rowsDone);
      if (p.buildingIndexes) bar.log('Every row is in; building the indexes set aside during the import…');
    },
    onReject: (r) => bar.log(`line ${r.line}: ${r.reason}`),
  });
  bar.done();
  if (summary.alreadyImported)
    console.log('This file was imported completely before; nothing to do (use --force to check it again).');
  console.log(
    `${summary.status}: ${summary.rows} rows — created ${summary.created}, updated ${summary.updated}, skipped ${summary.skipped}, rejected ${summary.rejected}`,
  );
  if (summary.failure) console.error(`The import stopped: ${summary.failure}`);
  return summary.status === 'completed' ? 0 : 1;
}
