export { type CustomerData, collectCustomerData } from './collect-customer-data.ts';
export { escapeHtml, renderCustomerSummaryHtml } from './customer-summary-html.ts';
export {
  ErasureConfirmationError,
  type ErasureCounts,
  eraseCustomer,
} from './erase-customer.ts';
export { type CustomerExport, exportCustomer } from './export-customer.ts';
export { type CardNumberSpan, findCardNumbers } from './find-card-numbers.ts';
export { getCustomerPrivacySummary } from './get-customer-privacy-summary.ts';
export { type AttachmentToRedact, redactAttachmentContent } from './redact-attachment.ts';
// The whole module is the redaction API every input path calls.
export * from './redact-card-numbers.ts';
export { type CardNumberRowFinding, scanDatabaseRowsForCardNumbers } from './scan-database-rows.ts';
export {
  type CardNumberFinding,
  scanFileForCardNumbers,
  scanForCardNumbers,
} from './scan-for-card-numbers.ts';
export {
  type PersonalDataFinding,
  type PersonToFind,
  personalDataNeedles,
  scanForPersonalData,
} from './scan-for-personal-data.ts';
