export {
  BackupCheckError,
  type BackupFile,
  backupDatabase,
  backupFileName,
  backupFolder,
  checkDatabaseFile,
  listBackups,
  pruneBackups,
} from './backup-database.ts';
export { RestoreRefusedError, restoreDatabase } from './restore-database.ts';
export {
  purgeAuditLog,
  purgeExpiredSessions,
  purgeLoginAttempts,
  purgeRawUpdateChecks,
  purgeSentOutbox,
  purgeWebhookEvents,
  vacuumIfWorthwhile,
} from './retention.ts';
export { runningServerPid, serverPidFile, writeServerPidFile } from './server-pid-file.ts';
