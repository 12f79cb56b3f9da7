// `npm run backup [-- --keep N]`: a checked, dated copy of the database in backups/ beside it.
// Safe while the server runs: SQLite's online backup reads a consistent snapshot.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDb, resolveDatabaseFile } from '@keydesk/db';
import { backupDatabase } from '@keydesk/maintenance';
import { readEnv, repoRoot } from '../env.ts';

const { values } = parseArgs({ options: { keep: { type: 'string' } } });
const keep = values.keep === undefined ? undefined : Number(values.keep);
if (keep !== undefined && (!Number.isInteger(keep) || keep < 1)) {
  console.error('Usage: npm run backup [-- --keep N]   (N ≥ 1: how many dated backups to keep)');
  process.exit(2);
}
const dbFile = resolveDatabaseFile(readEnv().DATABASE_URL, repoRoot());
const db = await createDb({ file: dbFile, migrate: false });
try {
  const { backup, removed } = await backupDatabase({ sqlite: db.sqlite, dbFile, now: new Date(), keep });
  console.log(
    `Backup written and checked: ${path.relative(process.cwd(), backup.file)} (${Math.round(backup.bytes / 1024)} KiB).`,
  );
  if (removed.length > 0) console.log(`Removed ${removed.length} older backups: ${removed.join(', ')}`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
