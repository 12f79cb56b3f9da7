// `npm run db:migrate`: applies pending migrations to the configured database and says which.
// `npm start` does the same on its way up; this is for a database the server is not serving yet.
import path from 'node:path';
import { createDb, resolveDatabaseFile } from '@keydesk/db';
import { readEnv, repoRoot } from '../env.ts';

const dbFile = resolveDatabaseFile(readEnv().DATABASE_URL, repoRoot());
try {
  const db = await createDb({ file: dbFile });
  const applied = db.migrations?.applied ?? [];
  await db.close();
  const where = path.relative(process.cwd(), dbFile) || dbFile;
  if (applied.length === 0) console.log(`${where} is up to date: no pending migrations.`);
  else console.log(`Applied ${applied.length} migrations to ${where}:\n  ${applied.join('\n  ')}`);
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
