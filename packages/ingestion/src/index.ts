export { AVANGATE_MAX_AGE_MS, avangateHmac, avangateReceipt, lengthPrefixed } from './avangate-ipn.ts';
export {
  CSV_IMPORT_BATCH_ROWS,
  CsvImportError,
  type CsvImportKind,
  type CsvImportProgress,
  type CsvImportSummary,
  type CsvRejection,
  runCsvImport,
} from './csv-import-runner.ts';
export { createOrderCsvKind, ORDER_CSV_COLUMNS } from './csv-order-import.ts';
export { findImportRuns, getImportRun } from './find-import-runs.ts';
export { findWebhookEvents } from './find-webhook-events.ts';
export { createNewsletterCsvKind, createNewsletterWriter, NEWSLETTER_CSV_COLUMNS } from './newsletter.ts';
export type { Reseller } from './order-event.ts';
export { receiveNewsletterWebhook, signNewsletterBody } from './receive-newsletter-webhook.ts';
export { receiveAvangateWebhook, receivePayProWebhook, rejectUnconfigured } from './receive-order-webhook.ts';
export { replayWebhookEvent, WebhookReplayError } from './replay-webhook-event.ts';
export { recordRejectedWebhook, type WebhookReply } from './webhook-event-log.ts';
