// Generates the Prisma client after every install (offline-safe: see packages/db/src/generate.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('node_modules/.bin/tsx')) process.exit(0);
const result = spawnSync('node_modules/.bin/tsx', ['packages/db/src/generate.ts'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
