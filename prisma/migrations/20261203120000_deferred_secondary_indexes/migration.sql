-- A bulk import may set the sales tables' secondary (non-unique) indexes aside while it writes
-- and build them again, sorted, when it ends (packages/db/src/deferred-indexes.ts). Each index's
-- CREATE statement is saved here in the transaction that drops it, so an import killed half-way
-- leaves a record: the next open of the database builds the index again and deletes the row,
-- unless the process that set it aside (pid) is still running: an import in another process.
-- Empty outside a bulk import.
CREATE TABLE "DeferredIndex" (
  "name" TEXT NOT NULL PRIMARY KEY,
  "sql" TEXT NOT NULL,
  "pid" INTEGER NOT NULL,
  "deferredAt" INTEGER NOT NULL
);
