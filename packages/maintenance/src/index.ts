export {
  BackupCheckError,
  type BackupFile,
  type BackupsHoldingErasedData,
  backupDatabase,
  backupFileName,
  backupFolder,
  backupMadeAt,
  checkDatabaseFile,
  findBackupsHoldingErasedData,
  findLatestErasureAt,
  listBackups,
  pruneBackups,
  replaceBackupsHoldingErasedData,
} from './backup-database.ts';
export { checkDatabaseAnswers } from './database-health.ts';
export {
  closeInterruptedJobRuns,
  type JobRunResult,
  type JobRunStatus,
  type LastJobRun,
  lastJobRun,
  lastJobStart,
  recordJobRun,
} from './job-runs.ts';
export { checkJobSettingValue, type JobSetting, JobSettingRangeError } from './job-setting.ts';
export { RestoreRefusedError, restoreDatabase } from './restore-database.ts';
// One namespace for the purges the scheduled jobs run: retention.purgeAuditLog reads as what it is.
export * as retention from './retention.ts';
export { runningServerPid, serverPidFile, writeServerPidFile } from './server-pid-file.ts';
