// The real access logs of test-corpus/access-logs (see its README), for their int test and the
// corpus benchmark: the files and their lines, read without the importer.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ACCESS_LOG_CORPUS_DIR = path.resolve(import.meta.dirname, '../../test-corpus/access-logs');

/** Every log file of the corpus (all but its README), sorted. */
export function accessLogCorpusFiles(): string[] {
  return readdirSync(ACCESS_LOG_CORPUS_DIR)
    .filter((name) => name !== 'README.md')
    .sort();
}

/** The lines of one corpus file, without the empty piece after its last newline. */
export function accessLogCorpusLines(file: string): string[] {
  const lines = readFileSync(path.join(ACCESS_LOG_CORPUS_DIR, file), 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
