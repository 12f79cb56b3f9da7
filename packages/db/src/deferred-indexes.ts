// Secondary indexes a bulk load sets aside and builds again, sorted, when it ends.
//
// Why: keeping an index in step row by row costs a B-tree insert per row and rewrites the index
// pages each batch touched at every commit; at an import's scale the ten secondary indexes of the
// sales tables took more time than the rows themselves. CREATE INDEX sorts once instead. Unique
// indexes are never set aside: they keep the data correct and serve the writer's lookups.
//
// Full-text indexes stay in step, but their automatic merging pauses: FTS5 otherwise merges each
// batch's new segment into bigger ones again and again (at 1,000,000 orders, loading the customer
// search in batches took 49 s merging as it went, 36 s merging once at the end).
//
// What builds an index again (its CREATE statement, or the FTS5 commands that restore merging and
// merge) is saved in DeferredIndex in the same transaction that sets it aside, so it survives a
// crash: whoever opens the database next (createDb) runs it, unless the process that set it aside
// is still running (a server starting while a command-line import runs must not build the indexes
// under it, holding the write lock for seconds).
import type Database from 'better-sqlite3';
import { isProcessRunning } from './process-running.ts';

type IndexRow = { name: string; sql: string; pid: number };

/**
 * Drops the non-unique indexes of `tables` (except those named in `keep`) after saving their SQL.
 * Returns the names set aside. Queries stay correct meanwhile, only slower.
 */
export function deferSecondaryIndexes(
  sqlite: Database.Database,
  tables: readonly string[],
  keep: readonly string[] = [],
): string[] {
  return sqlite.transaction(() => {
    const indexes = sqlite
      .prepare(
        `SELECT m."name", m."sql" FROM "sqlite_master" m
         WHERE m."type" = 'index' AND m."sql" IS NOT NULL
           AND m."tbl_name" IN (SELECT value FROM json_each(?))
           AND m."name" NOT IN (SELECT value FROM json_each(?))
           AND NOT EXISTS (SELECT 1 FROM pragma_index_list(m."tbl_name") l WHERE l."name" = m."name" AND l."unique")
         ORDER BY m."name"`,
      )
      .all(JSON.stringify(tables), JSON.stringify(keep)) as IndexRow[];
    const save = sqlite.prepare(
      'INSERT OR REPLACE INTO "DeferredIndex" ("name", "sql", "pid", "deferredAt") VALUES (?, ?, ?, ?)',
    );
    for (const index of indexes) {
      save.run(index.name, index.sql, process.pid, Date.now());
      sqlite.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
    }
    return indexes.map((index) => index.name);
  })();
}

/**
 * Pauses automatic merging of the FTS5 `tables` (new rows are still indexed as they are written);
 * restoreDeferredIndexes restores their settings and merges each into one segment.
 */
export function deferSearchMerges(sqlite: Database.Database, tables: readonly string[]): void {
  sqlite.transaction(() => {
    // OR IGNORE: a second pause before the restore must not save the paused settings as the originals.
    const save = sqlite.prepare(
      'INSERT OR IGNORE INTO "DeferredIndex" ("name", "sql", "pid", "deferredAt") VALUES (?, ?, ?, ?)',
    );
    for (const table of tables) {
      const q = `"${table.replaceAll('"', '""')}"`;
      const setting = (key: string, fallback: number) =>
        Number(
          sqlite.prepare(`SELECT "v" FROM "${table}_config" WHERE "k" = ?`).pluck().get(key) ?? fallback,
        );
      const set = (key: string, value: number) =>
        `INSERT INTO ${q} (${q}, "rank") VALUES ('${key}', ${value});`;
      const restore = `${set('automerge', setting('automerge', 4))} ${set('crisismerge', setting('crisismerge', 16))} INSERT INTO ${q} (${q}) VALUES ('optimize');`;
      save.run(`${table} (merging)`, restore, process.pid, Date.now());
      // crisismerge forces a merge once a level holds that many segments, whatever automerge says.
      sqlite.exec(`${set('automerge', 0)} ${set('crisismerge', 1000)}`);
    }
  })();
}

/**
 * Builds every index set aside by deferSecondaryIndexes and merges those deferSearchMerges paused,
 * one transaction each. Returns how many. `of` chooses whose: every entry; only those of processes
 * no longer running (createDb's recovery after a crash); or also this process's own (the end of an
 * import, which leaves alone what an import running in another process set aside).
 */
export function restoreDeferredIndexes(
  sqlite: Database.Database,
  options: { of?: 'all' | 'abandoned' | 'mineAndAbandoned' } = {},
): number {
  const of = options.of ?? 'all';
  const hasTable = sqlite
    .prepare(`SELECT 1 FROM "sqlite_master" WHERE "type" = 'table' AND "name" = 'DeferredIndex'`)
    .get();
  if (!hasTable) return 0;
  const deferred = (
    sqlite
      .prepare('SELECT "name", "sql", "pid" FROM "DeferredIndex" ORDER BY "name"')
      .safeIntegers(false)
      .all() as IndexRow[]
  ).filter(
    (index) =>
      of === 'all' ||
      (of === 'mineAndAbandoned' && index.pid === process.pid) ||
      !isProcessRunning(index.pid),
  );
  if (deferred.length === 0) return 0;
  const forget = sqlite.prepare('DELETE FROM "DeferredIndex" WHERE "name" = ?');
  // CREATE INDEX sorts the table's keys; a helper thread sorts half of them (1.1 s → 0.7 s for
  // the ten indexes of 100,000 orders).
  const threads = Number(sqlite.pragma('threads', { simple: true }));
  sqlite.pragma('threads = 2');
  // With temporary files in memory the sorter never spills, so its memory would grow with the
  // table; on disk it keeps to the cache size (the connection holds no temporary tables to lose).
  const tempStore = Number(sqlite.pragma('temp_store', { simple: true }));
  sqlite.pragma('temp_store = FILE');
  try {
    for (const index of deferred) {
      sqlite.transaction(() => {
        // Another connection may have built it already (a server opening while an import ran).
        const exists = sqlite
          .prepare(`SELECT 1 FROM "sqlite_master" WHERE "type" = 'index' AND "name" = ?`)
          .get(index.name);
        if (!exists) sqlite.exec(index.sql);
        forget.run(index.name);
      })();
    }
  } finally {
    sqlite.pragma(`threads = ${threads}`);
    sqlite.pragma(`temp_store = ${tempStore}`);
  }
  return deferred.length;
}
