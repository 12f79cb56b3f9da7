export { BUILT_IN_TEMPLATE, DEFAULT_TEMPLATE_PRODUCT } from './default-template.ts';
export {
  type EmailTemplateEntry,
  findEmailTemplates,
  getEmailTemplate,
  resetEmailTemplate,
  updateEmailTemplate,
} from './email-templates.ts';
export { findOutboxEmails } from './find-outbox-emails.ts';
export { composeLicenseResend } from './license-resend/compose-license-resend.ts';
export {
  getLicenseForResend,
  LicenseResendError,
  licenseOrderSelect,
  licenseTemplateValues,
  RESEND_HISTORY_LIMIT,
} from './license-resend/get-license-for-resend.ts';
export { previewLicenseResend } from './license-resend/preview-license-resend.ts';
export { resendLicenseKey } from './license-resend/resend-license-key.ts';
export {
  getMailStatus,
  type MailConfig,
  type MailFallback,
  type MailStatus,
  resolveMailConfig,
  updateMailSettings,
} from './mail-config.ts';
export { addressOf, createMessageId } from './message-id.ts';
export { notifyOutboxChanged } from './outbox-events.ts';
export {
  createOutboxSender,
  DEFAULT_LEASE_MS,
  DEFAULT_RETRY,
  type MailLogger,
  type OutboxSender,
  type RetryPolicy,
  retryDelayMs,
} from './outbox-sender.ts';
export {
  type AnnouncementThrottle,
  deleteQueuedCampaignEmails,
  insertOutboxEmail,
  type NewOutboxEmail,
  OUTBOX_STATUSES,
  type OutboxStatus,
  releaseInterruptedOutboxEmails,
  retryFailedOutboxEmail,
  toOutboxStatus,
  withdrawQueuedOutboxEmail,
} from './outbox-store.ts';
export { previewEmailTemplate } from './preview-email-template.ts';
export {
  type EmailTemplateContent,
  escapeHtml,
  fillTemplate,
  findUnknownPlaceholders,
  renderTemplate,
  TEMPLATE_VARIABLES,
  TemplateError,
} from './render-template.ts';
export { getOutboxEmail, queueTestEmail, TestEmailError } from './send-test-email.ts';
