export {
  type AccessLogFileResult,
  type AccessLogProgress,
  importAccessLogs,
} from './access-log/import-access-log.ts';
export * from './analytics-settings.ts';
export { getOverview, OVERVIEW_WINDOW_DAYS } from './get-overview.ts';
export { compareVersions, type UpdateCheck, ZUpdateCheck } from './update-checks/update-check-schema.ts';
export { findPossibleAbuse, recordUpdateCheck, rollUpUpdateChecks } from './update-checks/update-checks.ts';
