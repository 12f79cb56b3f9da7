import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from './migrate.ts';
import { MIGRATIONS_DIR, readMigrations, SCHEMA_PATH } from './migrations-dir.ts';
import { openSchemaEngine } from './schema-engine.ts';

/**
 * Tables that live in migrations but not in schema.prisma: the FTS5 search indexes and
 * their shadow tables. Prisma cannot describe virtual tables, so the diff leaves them alone.
 */
export const EXTERNAL_TABLES: string[] = [
  // Customer search (migration customer_search): trigram index, name words and their vocabulary.
  'CustomerSearch',
  'CustomerSearch_data',
  'CustomerSearch_idx',
  'CustomerSearch_docsize',
  'CustomerSearch_config',
  'CustomerNameWord',
  'CustomerNameWord_data',
  'CustomerNameWord_idx',
  'CustomerNameWord_docsize',
  'CustomerNameWord_config',
  'CustomerNameTerm',
  // Deferred search indexing (migration deferred_search_index): empty outside a bulk write.
  'SearchIndexPause',
  // Secondary indexes a bulk import set aside (migration deferred_secondary_indexes): empty outside one.
  'DeferredIndex',
  // Moves when name words change, so search can cache them (migration search_vocabulary_version).
  'SearchVocabularyVersion',
  'EmailMessageFts',
  'EmailMessageFts_data',
  'EmailMessageFts_idx',
  'EmailMessageFts_docsize',
  'EmailMessageFts_config',
  'ChatMessageFts',
  'ChatMessageFts_data',
  'ChatMessageFts_idx',
  'ChatMessageFts_docsize',
  'ChatMessageFts_config',
];

/** SQL that turns a database built from the migrations folder into one that matches schema.prisma. */
export async function diffMigrationsToSchema(
  options: { schemaPath?: string; migrationsDir?: string } = {},
): Promise<string> {
  const schemaPath = options.schemaPath ?? SCHEMA_PATH;
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const workDir = mkdtempSync(path.join(tmpdir(), 'keydesk-diff-'));
  try {
    // The engine's own replay of migrations fails on multi-statement SQL, so the migrations are
    // applied with Keydesk's runner and the engine compares that live database with the schema.
    const dbFile = path.join(workDir, 'shadow.db');
    const sqlite = new Database(dbFile);
    applyMigrations(sqlite, readMigrations(migrationsDir));
    sqlite.close();
    const engine = await openSchemaEngine({ schemaPath, dbFile });
    const result = await engine.diff({
      from: {
        tag: 'schemaDatasource',
        configDir: workDir,
        files: [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }],
      },
      to: {
        tag: 'schemaDatamodel',
        files: [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }],
      },
      script: true,
      exitCode: null,
      filters: { externalTables: EXTERNAL_TABLES, externalEnums: [] },
    });
    const sql = result.stdout ?? '';
    return sql.includes('This is an empty migration.') ? '' : sql.trim();
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
