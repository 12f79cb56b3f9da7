// `npm run import -- access-log FILE...`: the dispatcher (cli/import.ts) routes "access-log" here.
// Also runnable on its own: `tsx apps/api/src/cli/import-access-log.ts FILE...`.
import path from 'node:path';
import { type AccessLogFileResult, importAccessLogs, readAccessLogSettings } from '@keydesk/analytics';
import { createDb, resolveDatabaseFile } from '@keydesk/db';
import { readEnv, repoRoot } from '../env.ts';
import { openSettings } from '../open-settings.ts';

const USAGE =
  'Usage: npm run import -- access-log [--source SITE] FILE... (plain or .gz Apache/nginx access logs)';

const LISTED_IN_OUTPUT = 50;

/** `lines in = stored + duplicates + refused`, then the refused lines with line number and reason. */
function describe(result: AccessLogFileResult): string {
  const n = (value: number) => value.toLocaleString('en');
  const out = [
    `${result.file}: ${n(result.lines)} lines in = ${n(result.stored)} stored + ${n(result.duplicates)} already imported + ${n(result.refused)} refused`,
  ];
  for (const [reason, count] of Object.entries(result.refusedByReason))
    out.push(`  refused ${n(count)}: ${reason}`);
  for (const refused of result.refusedLines.slice(0, LISTED_IN_OUTPUT))
    out.push(`  line ${refused.line}: ${refused.reason}`);
  const unlisted = result.refused - Math.min(result.refusedLines.length, LISTED_IN_OUTPUT);
  if (unlisted > 0) out.push(`  … ${n(unlisted)} more refused lines (see Settings → Imports)`);
  return out.join('\n');
}

/** Runs the import and returns the process exit code. */
export async function runAccessLogImport(
  args: string[],
  out = process.stdout,
  err = process.stderr,
): Promise<number> {
  const files: string[] = [];
  let source = 'web';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--source') source = args[++i] ?? source;
    else if (args[i] === '--help' || args[i] === '-h') {
      out.write(`${USAGE}\n`);
      return 0;
    } else files.push(args[i] as string);
  }
  if (files.length === 0) {
    err.write(`${USAGE}\n`);
    return 2;
  }
  const env = readEnv();
  const dbFile = resolveDatabaseFile(env.DATABASE_URL, repoRoot());
  const db = await createDb({ file: dbFile });
  try {
    const settings = openSettings(db, dbFile, env);
    let lastReport = 0;
    const results = await importAccessLogs({
      db,
      now: () => new Date(),
      files,
      source,
      ...readAccessLogSettings(settings),
      onProgress(progress) {
        if (Date.now() - lastReport < 1000) return;
        lastReport = Date.now();
        const pct = progress.bytesTotal ? Math.floor((100 * progress.bytesDone) / progress.bytesTotal) : 0;
        err.write(`${progress.file}: ${pct}% (${progress.lines.toLocaleString('en')} lines)\n`);
      },
    });
    let failed = false;
    for (const result of results) {
      out.write(`${describe(result)}\n`);
      if (result.error) {
        failed = true;
        err.write(`${result.file}: ${result.error}\n`);
      }
    }
    return failed ? 1 : 0;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  runAccessLogImport(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  );
}
