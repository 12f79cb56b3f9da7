// Child of mbox.bench.ts: imports one mbox into a fresh database, so its peak RSS is the import's alone.

import { importMbox } from '@keydesk/conversations';
import { createDb } from '@keydesk/db';

const [file, dbFile] = process.argv.slice(2);
if (!file || !dbFile) throw new Error('usage: mbox-import-child.ts FILE DBFILE');
const db = await createDb({ file: dbFile });
let rssAt20k: number | null = null;
const start = performance.now();
const summary = await importMbox({
  db,
  file,
  now: () => new Date(),
  ownAddresses: ['support@keydesk.test'],
  onProgress(p) {
    if (rssAt20k === null && p.itemsDone >= 20_000) rssAt20k = process.memoryUsage().rss / 1024 / 1024;
  },
});
const ms = performance.now() - start;
await db.close();
console.log(
  JSON.stringify({
    ms,
    created: summary.created,
    rejected: summary.rejected,
    rssAt20k,
    peakRss: process.resourceUsage().maxRSS / 1024,
  }),
);
