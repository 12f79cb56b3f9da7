// `npm start`: builds the web app when its sources are newer than the build, then runs the server
// (migrations are applied by the server itself before it listens).
// With NODE_ENV=production it runs the bundle made by `npm run build`, with no dev tooling.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isProduction = process.env.NODE_ENV === 'production';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function webIsStale() {
  const built = path.join(root, 'apps/web/dist/index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(
    newestMtime(path.join(root, 'apps/web/src')),
    statSync(path.join(root, 'apps/web/index.html')).mtimeMs,
  );
  return sources > statSync(built).mtimeMs;
}

if (isProduction) {
  const bundle = path.join(root, 'apps/api/dist/main.mjs');
  if (!existsSync(bundle) || !existsSync(path.join(root, 'apps/web/dist/index.html'))) {
    console.error('Keydesk cannot start: there is no production build yet; run npm run build first.');
    process.exit(1);
  }
  const child = spawn(process.execPath, [bundle], { stdio: 'inherit', cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  if (webIsStale()) {
    console.log('Building the web app…');
    const build = spawnSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
      cwd: path.join(root, 'apps/web'),
      stdio: 'inherit',
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['apps/api/src/main.ts'], {
    stdio: 'inherit',
    cwd: root,
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 1));
}
