import {
  cancelCampaign,
  findCampaignDailyReport,
  findCampaignRecipients,
  findCampaigns,
  getCampaign,
  getSendingLimits,
  pauseCampaign,
  previewAnnouncement,
  previewAudience,
  resumeCampaign,
  retryFailedRecipients,
  saveCampaignDraft,
  sendTestAnnouncement,
  startCampaign,
  suppressAddress,
  updateSendingLimits,
  ZSendingLimits,
} from '@keydesk/announcements';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import { ZIdInput } from '../id.schemas.ts';
import {
  ZAudiencePreviewInput,
  ZAudiencePreviewOutput,
  ZCampaign,
  ZCampaignFindOutput,
  ZCancelOutput,
  ZDailyReportOutput,
  ZEmpty,
  ZPreviewInput,
  ZPreviewOutput,
  ZRecipientsInput,
  ZRecipientsOutput,
  ZRetryFailedInput,
  ZRetryFailedOutput,
  ZSaveDraftInput,
  ZSaveDraftOutput,
  ZSendingLimitsOutput,
  ZStartOutput,
  ZSuppressInput,
  ZTestSendInput,
  ZTestSendOutput,
} from './announcements.schemas.ts';
import { announcementSendContext } from './send-context.ts';

const LOCAL_PREVIEW_URL = 'http://127.0.0.1';

export const announcementsRouter = createRouter({
  find: ownerProcedure
    .input(ZEmpty)
    .output(ZCampaignFindOutput)
    .query(({ ctx }) => ({ items: findCampaigns({ db: ctx.db, now: ctx.now() }) })),

  get: ownerProcedure
    .input(ZIdInput)
    .output(ZCampaign)
    .query(({ ctx, input }) => getCampaign({ db: ctx.db, id: input.id, now: ctx.now() })),

  recipients: ownerProcedure
    .input(ZRecipientsInput)
    .output(ZRecipientsOutput)
    .query(({ ctx, input }) =>
      findCampaignRecipients({ db: ctx.db, campaignId: input.id, ...input, now: ctx.now() }),
    ),

  dailyReport: ownerProcedure
    .input(ZIdInput)
    .output(ZDailyReportOutput)
    .query(({ ctx, input }) => ({
      items: findCampaignDailyReport({ db: ctx.db, campaignId: input.id, now: ctx.now() }),
    })),

  audience: ownerProcedure
    .input(ZAudiencePreviewInput)
    .output(ZAudiencePreviewOutput)
    .query(({ ctx, input }) => previewAudience({ db: ctx.db, ...input })),

  saveDraft: ownerProcedure
    .input(ZSaveDraftInput)
    .output(ZSaveDraftOutput)
    .mutation(({ ctx, input }) => saveCampaignDraft({ db: ctx.db, ...input, now: ctx.now() })),

  preview: ownerProcedure
    .input(ZPreviewInput)
    .output(ZPreviewOutput)
    .query(({ ctx, input }) =>
      previewAnnouncement({
        db: ctx.db,
        campaignId: input.id,
        email: input.email,
        // A preview's link is a sample; it may be drawn before PUBLIC_URL is set.
        publicUrl: ctx.publicUrl ?? LOCAL_PREVIEW_URL,
      }),
    ),

  testSend: ownerProcedure
    .input(ZTestSendInput)
    .output(ZTestSendOutput)
    .mutation(({ ctx, input }) => {
      const send = announcementSendContext(ctx);
      return sendTestAnnouncement({ ...send, campaignId: input.id, ...input, now: ctx.now() });
    }),

  start: ownerProcedure
    .input(ZIdInput)
    .output(ZStartOutput)
    .mutation(({ ctx, input }) => startCampaign(announcementSendContext(ctx), input.id, ctx.now)),

  pause: ownerProcedure
    .input(ZIdInput)
    .output(ZEmpty)
    .mutation(({ ctx, input }) => pauseCampaign({ db: ctx.db, campaignId: input.id, now: ctx.now() })),

  resume: ownerProcedure
    .input(ZIdInput)
    .output(ZEmpty)
    .mutation(({ ctx, input }) => resumeCampaign(announcementSendContext(ctx), input.id, ctx.now)),

  cancel: ownerProcedure
    .input(ZIdInput)
    .output(ZCancelOutput)
    .mutation(({ ctx, input }) => cancelCampaign({ db: ctx.db, campaignId: input.id, now: ctx.now() })),

  retryFailed: ownerProcedure
    .input(ZRetryFailedInput)
    .output(ZRetryFailedOutput)
    .mutation(({ ctx, input }) =>
      retryFailedRecipients({
        db: ctx.db,
        campaignId: input.id,
        recipientId: input.recipientId,
        now: ctx.now(),
      }),
    ),

  suppress: ownerProcedure
    .input(ZSuppressInput)
    .output(ZEmpty)
    .mutation(({ ctx, input }) =>
      suppressAddress({ db: ctx.db, email: input.email, reason: 'manual', now: ctx.now() }),
    ),

  limits: ownerProcedure
    .input(ZEmpty)
    .output(ZSendingLimitsOutput)
    .query(({ ctx }) => getSendingLimits(ctx.settings)),

  updateLimits: ownerProcedure
    .input(ZSendingLimits)
    .output(ZSendingLimitsOutput)
    .mutation(({ ctx, input }) => updateSendingLimits(ctx.settings, input)),
});
