export { listAccessLogRuns, startAccessLogImport } from './access-log/access-log-runs.ts';
export {
  type AccessLogFileResult,
  type AccessLogProgress,
  importAccessLogs,
} from './access-log/import-access-log.ts';
export * from './analytics-settings.ts';
export {
  GRANULARITIES,
  type Granularity,
  RANGE_PRESETS,
  type RangePreset,
} from './charts/chart-range.ts';
export {
  BREAKDOWN_DIMENSIONS,
  type BreakdownDimension,
  TIME_SERIES_METRICS,
  type TimeSeriesMetric,
} from './charts/chart-sql.ts';
export { getBreakdown, getTimeSeries } from './charts/get-chart.ts';
export { getOverview, OVERVIEW_WINDOW_DAYS } from './get-overview.ts';
export { convertMinor, loadRates, minorDigits, rateOn } from './money/convert.ts';
export {
  type EuroRate,
  latestRateDay,
  type ParsedRates,
  parseEcbCsv,
  parseEcbXml,
  storeRates,
} from './money/ecb-rates.ts';
export { getMoneySettings, setHomeCurrency } from './money/money-settings.ts';
export { compareVersions, type UpdateCheck, ZUpdateCheck } from './update-checks/update-check-schema.ts';
export {
  findPossibleAbuse,
  flushUpdateChecks,
  listPossibleAbuse,
  recordUpdateCheck,
  rollUpUpdateChecks,
} from './update-checks/update-checks.ts';
