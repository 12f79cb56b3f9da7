// Child process of analytics.bench.ts: imports one log into a fresh database, so its peak RSS is
// the import's own. Prints one JSON line.
import path from 'node:path';
import { importAccessLogs } from '@keydesk/analytics';
import { createDb } from '@keydesk/db';

const [file, dir] = process.argv.slice(2) as [string, string];
const db = await createDb({ file: path.join(dir, 'import.db') });
const started = performance.now();
const [result] = await importAccessLogs({
  db,
  now: () => new Date(),
  files: [file],
  downloadPaths: ['/download/'],
  ownDomains: ['tessera.example'],
});
const seconds = (performance.now() - started) / 1000;
await db.close();
console.log(
  JSON.stringify({
    seconds,
    lines: result?.lines,
    refused: result?.refused,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
