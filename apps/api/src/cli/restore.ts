// `npm run restore -- FILE [--yes]`: puts a backup in place of the database, with the server
// stopped, after confirmation. The database it replaces is kept aside, never deleted.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { resolveDatabaseFile } from '@keydesk/db';
import { restoreDatabase, runningServerPid } from '@keydesk/maintenance';
import { readEnv, repoRoot } from '../env.ts';

const { values, positionals } = parseArgs({
  options: { yes: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const source = positionals[0];
if (!source || positionals.length > 1) {
  console.error('Usage: npm run restore -- path/to/keydesk-<date>.db [--yes]');
  process.exit(2);
}
const backupFile = path.resolve(process.cwd(), source);
const dbFile = resolveDatabaseFile(readEnv().DATABASE_URL, repoRoot());
if (!existsSync(backupFile)) {
  console.error(`Restore refused: there is no file ${backupFile}.`);
  process.exit(1);
}
const pid = runningServerPid(dbFile);
if (pid !== null) {
  console.error(`Restore refused: the Keydesk server (process ${pid}) is running; stop it first.`);
  process.exit(1);
}
if (!values.yes) {
  if (!process.stdin.isTTY) {
    console.error('Restore refused: no terminal to confirm on; add --yes to restore from a script.');
    process.exit(1);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(
    `Replace ${dbFile} with ${backupFile}? The current file is kept aside. Type "restore": `,
  );
  rl.close();
  if (answer.trim() !== 'restore') {
    console.log('Nothing changed.');
    process.exit(1);
  }
}
try {
  const { replacedFile } = restoreDatabase({ backupFile, dbFile, now: new Date() });
  console.log(`Restored ${path.basename(backupFile)} to ${dbFile}.`);
  if (replacedFile) console.log(`The database it replaced is kept at ${replacedFile}.`);
  console.log('Start the server; it applies any newer migrations to the restored copy.');
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
