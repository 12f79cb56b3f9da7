// Applies the SQL files in prisma/migrations in order, each in its own transaction, and records
// them in Prisma's own `_prisma_migrations` layout so that `prisma migrate status` stays meaningful
// for users who have Prisma's native engine. Running it twice changes nothing.
import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { DomainError } from './domain-error.ts';
import { type MigrationFileEntry, readMigrations } from './migrations-dir.ts';

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export type MigrationResult = { applied: string[]; alreadyApplied: number };

export class MigrationChecksumError extends DomainError {
  readonly kind = 'unavailable';
}

function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

export function applyMigrations(
  sqlite: Database.Database,
  migrations: MigrationFileEntry[] = readMigrations(),
): MigrationResult {
  sqlite.exec(CREATE_MIGRATIONS_TABLE);
  const done = new Map(
    (
      sqlite
        .prepare(
          'SELECT migration_name AS name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        )
        .safeIntegers(false)
        .all() as { name: string; checksum: string }[]
    ).map((row) => [row.name, row.checksum]),
  );
  const insert = sqlite.prepare(
    `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
     VALUES (?, ?, ?, ?, ?, 1)`,
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    const sum = checksum(migration.sql);
    const recorded = done.get(migration.name);
    if (recorded !== undefined) {
      // A landed migration is never edited; a changed file means the history no longer matches.
      if (recorded !== sum) {
        throw new MigrationChecksumError(
          `Migration ${migration.name} was changed after it was applied; write a new migration instead.`,
        );
      }
      continue;
    }
    const started = new Date().toISOString();
    sqlite.transaction(() => {
      sqlite.exec(migration.sql);
      insert.run(randomUUID(), sum, new Date().toISOString(), migration.name, started);
    })();
    applied.push(migration.name);
  }
  return { applied, alreadyApplied: done.size };
}

export function pendingMigrations(sqlite: Database.Database): string[] {
  sqlite.exec(CREATE_MIGRATIONS_TABLE);
  const done = new Set(
    (
      sqlite
        .prepare('SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL')
        .safeIntegers(false)
        .all() as {
        name: string;
      }[]
    ).map((row) => row.name),
  );
  return readMigrations()
    .map((m) => m.name)
    .filter((name) => !done.has(name));
}
