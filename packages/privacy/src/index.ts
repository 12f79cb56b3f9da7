export { type CustomerData, collectCustomerData } from './collect-customer-data.ts';
export { escapeHtml, renderCustomerSummaryHtml } from './customer-summary-html.ts';
export {
  CustomerNotFoundError,
  ErasureConfirmationError,
  type ErasureCounts,
  eraseCustomer,
} from './erase-customer.ts';
export { type CustomerExport, exportCustomer } from './export-customer.ts';
export { getCustomerPrivacySummary } from './get-customer-privacy-summary.ts';
export {
  CARD_REDACTION_MARK,
  containsCardNumber,
  isCardField,
  isCardNumber,
  passesLuhn,
  redactCardNumbers,
  redactJson,
  redactPairs,
  redactRecord,
} from './redact-card-numbers.ts';
export { type CardNumberFinding, scanForCardNumbers } from './scan-for-card-numbers.ts';
