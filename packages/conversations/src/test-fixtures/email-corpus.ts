// The real-world email corpus (test-corpus/email, see its README), for its int test and the corpus
// benchmark: every file of a kind, in a stable order.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const EMAIL_CORPUS_DIR = path.resolve(import.meta.dirname, '../../test-corpus/email');

/** Every file below `dir` whose name ends with `ext`, sorted folder by folder. */
export function emailCorpusFiles(ext: string, dir = EMAIL_CORPUS_DIR): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) return emailCorpusFiles(ext, file);
      return file.endsWith(ext) ? [file] : [];
    });
}
