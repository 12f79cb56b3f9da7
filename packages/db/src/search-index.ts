// Deferred customer-search indexing for bulk writers (CSV import, demo data).
//
// The search triggers index each row as it is written. Inside a transaction every such write opens
// a statement savepoint, and FTS5 flushes its pending terms to a new segment at each savepoint: a
// bulk write of N rows wrote N tiny segments and spent most of its time merging them. While a pause
// is open (see the deferred_search_index migration), rows created after it began are left to the
// pause, which indexes them with one INSERT … SELECT per kind before it ends, inside the same
// transaction: after the commit the index is in step, exactly as with row-by-row indexing.
import type Database from 'better-sqlite3';
import {
  beginSearchIndexPause,
  bumpSearchVocabulary,
  endSearchIndexPause,
  indexNewRows,
  isSearchIndexPaused,
  searchIndexMarks,
} from './sql/search-index.ts';

/**
 * Runs fn in a transaction (a savepoint when one is already open) with search indexing of new
 * Customer, CustomerEmail, License and Order rows deferred to the end of fn. Updates of older rows
 * and deletes are indexed as they happen. Nested calls share the outer pause.
 */
export function withDeferredSearchIndex<T>(sqlite: Database.Database, fn: () => T): T {
  return sqlite.transaction(() => {
    if (isSearchIndexPaused.get(sqlite) !== undefined) return fn();
    const marks = searchIndexMarks.get(sqlite);
    // A SELECT of aggregates always has its one row.
    if (!marks) throw new Error('The search index marks could not be read.');
    beginSearchIndexPause.run(sqlite, marks);
    const result = fn();
    for (const statement of indexNewRows) statement.run(sqlite, marks);
    bumpSearchVocabulary.run(sqlite);
    endSearchIndexPause.run(sqlite);
    return result;
  })();
}
