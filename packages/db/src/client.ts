import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type Database from 'better-sqlite3';
import { restoreDeferredIndexes } from './deferred-indexes.ts';
import { DomainError } from './domain-error.ts';
import { PrismaClient } from './generated/client.ts';
import { applyMigrations, type MigrationResult } from './migrate.ts';

export type Db = {
  /** Prisma for reads and single-row writes. */
  prisma: PrismaClient;
  /**
   * The same SQLite connection, for bulk ingestion and FTS5 queries that Prisma cannot express.
   * Multi-statement writes use `sqlite.transaction(...)`: it runs synchronously, so nothing
   * else can interleave with it on this shared connection.
   */
  sqlite: Database.Database;
  file: string;
  close(): Promise<void>;
};

export class DatabaseConfigError extends DomainError {
  readonly kind = 'unavailable';
}

/** Accepts `file:relative/or/absolute.db` (Prisma's form) or a plain path; rejects anything else. */
export function resolveDatabaseFile(databaseUrl: string, cwd = process.cwd()): string {
  const trimmed = databaseUrl.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) && !trimmed.startsWith('file:')) {
    throw new DatabaseConfigError(
      `DATABASE_URL must point to a SQLite file such as file:./data/keydesk.db, not "${trimmed.split('://')[0]}://…".`,
    );
  }
  const withoutScheme = trimmed.replace(/^file:(\/\/)?/, '').split('?')[0] ?? '';
  if (withoutScheme === '' || withoutScheme.endsWith('/')) {
    throw new DatabaseConfigError(`DATABASE_URL "${trimmed}" does not name a database file.`);
  }
  return path.resolve(cwd, withoutScheme);
}

// Durability: WAL with synchronous=FULL makes every committed transaction survive a power
// loss (NORMAL could lose the last commits); imports batch many rows per commit, so the
// fsync per commit costs little. foreign_keys is off by default in SQLite.
function configureConnection(sqlite: Database.Database): void {
  // First, so that even switching to WAL waits for another process's lock instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // 32 MB of pages: a 100k-message mbox import stays under its 400 MB goal with it (64 MB took it to
  // 430 MB), and every query the benches time already runs from it.
  sqlite.pragma('cache_size = -32768');
  sqlite.pragma('temp_store = MEMORY');
}

export type CreateDbOptions = { file: string; migrate?: boolean; readonly?: boolean };

export type OpenedDb = Db & { migrations: MigrationResult | null };

/** Opens the database (creating its folder), applies pending migrations, and wires Prisma to the same connection. */
export async function createDb(options: CreateDbOptions): Promise<OpenedDb> {
  mkdirSync(path.dirname(options.file), { recursive: true });
  const factory = new PrismaBetterSqlite3(
    { url: `file:${options.file}` },
    { timestampFormat: 'unixepoch-ms' },
  );
  const adapter = await factory.connect();
  // The adapter owns the connection; Keydesk shares it so raw and Prisma work never wait on each other.
  const sqlite = (adapter as unknown as { client: Database.Database }).client;
  configureConnection(sqlite);
  // An import killed half-way may have left indexes set aside: build them before anything reads.
  if (!options.readonly) restoreDeferredIndexes(sqlite, { of: 'abandoned' });
  const migrations = options.migrate === false ? null : applyMigrations(sqlite);
  const shared: SqlDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => Promise.resolve(adapter),
  };
  const prisma = new PrismaClient({ adapter: shared });
  return {
    prisma,
    sqlite,
    file: options.file,
    migrations,
    async close() {
      await prisma.$disconnect();
      if (sqlite.open) sqlite.close();
    },
  };
}
