// `npm run db:migration:create -- <name>`: writes the SQL that brings the migrations up to
// schema.prisma as prisma/migrations/<UTC stamp>_<name>/migration.sql. Works offline.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from './migrations-dir.ts';
import { diffMigrationsToSchema } from './schema-diff.ts';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration:create -- <name_in_snake_case>');
  process.exit(2);
}
const sql = await diffMigrationsToSchema();
if (!sql) {
  console.log('schema.prisma matches the migrations: nothing to write.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), `${sql}\n`);
console.log(
  `Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then run npm run db:migrate.`,
);
