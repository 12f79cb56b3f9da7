export type { CreateDbOptions, Db, OpenedDb } from './client.ts';
export { createDb, DatabaseConfigError, resolveDatabaseFile } from './client.ts';
export { describeDatabaseError } from './database-errors.ts';
export { deferSearchMerges, deferSecondaryIndexes, restoreDeferredIndexes } from './deferred-indexes.ts';
export { DomainError, type DomainErrorKind, NotFoundError } from './domain-error.ts';
export { withoutForeignKeyChecks } from './foreign-keys.ts';
export { Prisma } from './generated/client.ts';
export type * from './generated/models.ts';
export { type FingerprintFormat, fingerprintBytes, fingerprintFile } from './import-runs/file-fingerprint.ts';
export {
  finishImportRun,
  type ImportRunByteProgress,
  type ImportRunInput,
  type ImportRunProgress,
  type ImportRunRow,
  listImportRuns,
  openImportRun,
  reportImportPosition,
  restartImportRunOf,
  resumeImportRun,
  saveImportProgress,
} from './import-runs/import-runs.ts';
export { isOneOf } from './is-one-of.ts';
export { keysOf } from './keys-of.ts';
export { licenseCoreSelect, licenseCustomerSelect } from './license-selects.ts';
export type { LicenseValues } from './license-values.ts';
export { applyMigrations, MigrationChecksumError, pendingMigrations } from './migrate.ts';
export { readMigrations } from './migrations-dir.ts';
export { isProcessRunning } from './process-running.ts';
export { withDeferredSearchIndex } from './search-index.ts';
export { SEARCH_KIND, SEARCH_ROWID_STRIDE, searchSourceId } from './search-rowid.ts';
export {
  declaredStatements,
  type RunResult,
  type Sql,
  type SqlOptions,
  type SqlParams,
  type SqlValue,
  sql,
} from './sql.ts';
