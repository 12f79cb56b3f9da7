// `npm run build` (via turbo) for the API: one ESM bundle per entry point in apps/api/dist,
// run by plain node in production (no tsx, no TypeScript). Native modules stay external and
// load from node_modules. The bundle sits at the same depth as src/ (apps/api/dist), so the
// repository root found from import.meta.url (migrations, the web build) is the same.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const here = import.meta.dirname;
const outdir = path.join(here, 'dist');
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: {
    main: path.join(here, 'src/main.ts'),
    backup: path.join(here, 'src/cli/backup.ts'),
    restore: path.join(here, 'src/cli/restore.ts'),
    // The mbox import's worker thread, started as new URL('./parse-worker.mjs', import.meta.url).
    'parse-worker': path.join(here, '../../packages/conversations/src/parse-worker.ts'),
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Native addons (and Prisma's runtime, which loads its own engine files) cannot be bundled.
  external: [
    'better-sqlite3',
    '@node-rs/argon2',
    '@prisma/client',
    '@prisma/adapter-better-sqlite3',
    '@prisma/schema-engine-wasm',
  ],
  // Bundled CommonJS dependencies may call require(); ESM has none unless we make one.
  banner: {
    js: "import { createRequire as __keydeskCreateRequire } from 'node:module'; const require = __keydeskCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
console.log(`Built ${path.relative(process.cwd(), outdir)}/{main,backup,restore}.mjs`);
