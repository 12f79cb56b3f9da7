export {
  CAMPAIGN_TOPICS,
  describeAudience,
  parseAudience,
  type TAudience,
  type TAudienceRule,
  type TCampaignTopic,
  type TLicenseRule,
  ZAudience,
  ZAudienceRule,
  ZCampaignTopic,
} from './audience-rules.ts';
export {
  CAMPAIGN_STATUSES,
  type CampaignDraft,
  CampaignStateError,
  type CampaignStatus,
  findCampaignRecipients,
  findCampaigns,
  getCampaign,
  RECIPIENT_STATUSES,
  type RecipientStatus,
  saveCampaignDraft,
  settleCampaign,
  settleSendingCampaigns,
} from './campaigns.ts';
export { countAudience, MAX_AUDIENCE_PAGE, previewAudience } from './find-audience.ts';
export { type CampaignDailyReportRow, findCampaignDailyReport } from './find-campaign-daily-report.ts';
export { previewAnnouncement, sendTestAnnouncement } from './preview-announcement.ts';
export {
  type DeliveryReportInput,
  type DeliveryReportResult,
  recordDeliveryReport,
} from './record-delivery-report.ts';
export {
  ANNOUNCEMENT_VARIABLES,
  type AnnouncementTemplate,
  assertValidAnnouncement,
  keyEnding,
  renderAnnouncement,
} from './render-announcement.ts';
export {
  cancelCampaign,
  listUnsubscribeHeaders,
  pauseCampaign,
  queueCampaign,
  queueCampaignBatch,
  resumeCampaign,
  resumeCampaignQueueing,
  retryFailedRecipients,
  type SendContext,
  startCampaign,
} from './send-campaign.ts';
export {
  DEFAULT_SENDING_LIMITS,
  getSendingLimits,
  type SendingLimits,
  updateSendingLimits,
  ZSendingLimits,
} from './sending-limits.ts';
export {
  recordMailboxRefused,
  SUPPRESSION_REASONS,
  type SuppressionReason,
  suppressAddress,
} from './suppress-address.ts';
export {
  findUnsubscribeTarget,
  maskEmail,
  type UnsubscribeScope,
  type UnsubscribeTarget,
  unsubscribeByToken,
} from './unsubscribe.ts';
export {
  tokenFromUnsubscribeSubject,
  unsubscribeByEmail,
  unsubscribeMailto,
} from './unsubscribe-by-email.ts';
export {
  getUnsubscribeSecret,
  signUnsubscribeToken,
  UNSUBSCRIBE_SECRET_SETTING,
  unsubscribeUrl,
  verifyUnsubscribeToken,
} from './unsubscribe-token.ts';
