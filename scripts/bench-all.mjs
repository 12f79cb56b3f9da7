// `npm run bench [-- --quick] [-- name…]`: runs every bench/*.bench.ts in its own process (so each
// reports its own peak RSS) and prints their BENCH lines. --quick keeps the whole run under two minutes.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const isQuick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.includes(name)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n# ${file}${isQuick ? ' (quick)' : ''}`);
  const result = spawnSync(
    path.join(root, 'node_modules/.bin/tsx'),
    [path.join('bench', file), ...(isQuick ? ['--quick'] : [])],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', BENCH_QUICK: isQuick ? '1' : '0' },
    },
  );
  if (result.status !== 0) {
    failed++;
    console.log(`# ${file} failed with exit code ${result.status}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
