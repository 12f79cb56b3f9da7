// npm run import -- <kind> FILE [options]
// One line per kind: add `mbox`, `chats`, `access-log` by writing its importer and listing it here.
import { createDb, resolveDatabaseFile } from '@keydesk/db';
import { readEnv, repoRoot } from '../env.ts';
import type { CliImporter } from './cli-importer.ts';
import { runAccessLogImport } from './import-access-log.ts';
import { runImportConversations } from './import-conversations.ts';
import { newsletterImporter } from './import-newsletter.ts';
import { ordersImporter } from './import-orders.ts';

const IMPORTERS: Record<string, CliImporter> = {
  orders: ordersImporter,
  newsletter: newsletterImporter,
};

// Kinds whose importer opens the database itself (they take their own flags and files).
const SELF_CONTAINED: Record<string, { usage: string; run(argv: string[]): Promise<number> }> = {
  mbox: {
    usage: 'mbox FILE [--me ADDRESS] [--max-attachment-bytes N]',
    run: (argv) => runImportConversations(['mbox', ...argv]),
  },
  chats: {
    usage: 'chats FILE (exported tawk.to transcripts, JSON)',
    run: (argv) => runImportConversations(['chats', ...argv]),
  },
  'access-log': {
    usage: 'access-log FILE... [--source NAME] (plain or .gz)',
    run: (argv) => runAccessLogImport(argv),
  },
};

async function main(): Promise<number> {
  const [kind, ...args] = process.argv.slice(2);
  // Own keys only: `npm run import -- constructor` must print the usage, not reach Object's prototype.
  const selfContained = kind && Object.hasOwn(SELF_CONTAINED, kind) ? SELF_CONTAINED[kind] : undefined;
  if (selfContained) return selfContained.run(args);
  const importer = kind && Object.hasOwn(IMPORTERS, kind) ? IMPORTERS[kind] : undefined;
  if (!importer) {
    console.error(
      `Usage: npm run import -- <kind> FILE [options]\n${[
        ...Object.values(IMPORTERS),
        ...Object.values(SELF_CONTAINED),
      ]
        .map((i) => `  ${i.usage}`)
        .join('\n')}`,
    );
    return 2;
  }
  const env = readEnv();
  const db = await createDb({ file: resolveDatabaseFile(env.DATABASE_URL, repoRoot()) });
  try {
    return await importer.run(args, { db, now: () => new Date() });
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
