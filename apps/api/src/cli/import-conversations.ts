// npm run import -- mbox FILE [--me you@example.com] [--max-attachment-bytes N]
// npm run import -- chats FILE
// (The import dispatcher routes the kinds `mbox` and `chats` here; it also runs on its own.)
// Progress goes to stderr; a rerun after a crash resumes the mbox where the last batch committed.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_MAX_ATTACHMENT_BYTES,
  type ImportProgress,
  importChats,
  importMbox,
} from '@keydesk/conversations';
import { createDb, resolveDatabaseFile } from '@keydesk/db';
import { readEnv, repoRoot } from '../env.ts';

const USAGE = 'Usage: import-conversations (mbox|chats) FILE [--me ADDRESS]... [--max-attachment-bytes N]';

type Args = { kind: 'mbox' | 'chats'; file: string; me: string[]; maxAttachmentBytes: number };

function parseArgs(argv: string[]): Args {
  const [kind, file, ...rest] = argv;
  if ((kind !== 'mbox' && kind !== 'chats') || !file) throw new Error(USAGE);
  const me: string[] = [];
  let maxAttachmentBytes = DEFAULT_MAX_ATTACHMENT_BYTES;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = rest[i + 1];
    if (flag === '--me' && value) me.push(value);
    else if (flag === '--max-attachment-bytes' && value && /^\d+$/.test(value))
      maxAttachmentBytes = Number(value);
    else throw new Error(USAGE);
    i++;
  }
  return { kind, file: path.resolve(file), me, maxAttachmentBytes };
}

function printProgress(p: ImportProgress): void {
  const percent = p.bytesTotal > 0 ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 100;
  process.stderr.write(
    `\r${percent}% · ${p.itemsDone} read · ${p.created} new · ${p.skipped} already there · ${p.rejected} refused`,
  );
}

export async function runImportConversations(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  statSync(args.file); // a missing file fails here with its path in the message
  const env = readEnv();
  const db = await createDb({ file: resolveDatabaseFile(env.DATABASE_URL, repoRoot()) });
  try {
    const imapUser = await db.prisma.setting.findUnique({
      where: { key: 'imap.user' },
      select: { value: true, isSecret: true },
    });
    const me = [...args.me, ...(imapUser && !imapUser.isSecret ? [imapUser.value] : [])];
    const summary =
      args.kind === 'mbox'
        ? await importMbox({
            db,
            file: args.file,
            now: () => new Date(),
            ownAddresses: me,
            maxAttachmentBytes: args.maxAttachmentBytes,
            onProgress: printProgress,
          })
        : importChats({
            db,
            content: readFileSync(args.file),
            source: args.file,
            now: () => new Date(),
            onProgress: printProgress,
          });
    process.stderr.write('\n');
    for (const problem of summary.problems) console.log(`${problem.at}: ${problem.reason}`);
    console.log(
      `Imported ${args.kind}: ${summary.created} new, ${summary.skipped} already there, ${summary.rejected} refused (reasons above).`,
    );
    // Nothing is lost: every message read is stored, a duplicate, or refused with its reason.
    if (args.kind === 'mbox') {
      console.log(
        `${summary.itemsDone} read = ${summary.created} new + ${summary.skipped} already there + ${summary.rejected} refused.`,
      );
    }
    return 0;
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runImportConversations(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
