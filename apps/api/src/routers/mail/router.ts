import {
  findEmailTemplates,
  findOutboxEmails,
  getMailStatus,
  getOutboxEmail,
  previewEmailTemplate,
  queueTestEmail,
  resetEmailTemplate,
  TEMPLATE_VARIABLES,
  updateEmailTemplate,
  updateMailSettings,
} from '@keydesk/mail';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import { ZIdInput } from '../id.schemas.ts';
import {
  ZEmpty,
  ZMailSendTestInput,
  ZMailSendTestOutput,
  ZMailStatusOutput,
  ZMailUpdateSettingsInput,
  ZOutboxEntry,
  ZOutboxFindInput,
  ZOutboxFindOutput,
  ZTemplateEntry,
  ZTemplateFindOutput,
  ZTemplatePreviewOutput,
  ZTemplateResetInput,
  ZTemplateUpdateInput,
} from './mail.schemas.ts';

const outboxRouter = createRouter({
  find: ownerProcedure
    .input(ZOutboxFindInput)
    .output(ZOutboxFindOutput)
    .query(({ ctx, input }) => findOutboxEmails({ db: ctx.db, ...input })),

  get: ownerProcedure
    .input(ZIdInput)
    .output(ZOutboxEntry.nullable())
    .query(({ ctx, input }) => getOutboxEmail({ db: ctx.db, id: input.id })),
});

const templateRouter = createRouter({
  find: ownerProcedure
    .input(ZEmpty)
    .output(ZTemplateFindOutput)
    .query(async ({ ctx }) => ({
      variables: [...TEMPLATE_VARIABLES],
      items: await findEmailTemplates({ db: ctx.db }),
    })),

  update: ownerProcedure
    .input(ZTemplateUpdateInput)
    .output(ZTemplateEntry)
    .mutation(({ ctx, input: { product, ...template } }) =>
      updateEmailTemplate({ db: ctx.db, product, template }),
    ),

  reset: ownerProcedure
    .input(ZTemplateResetInput)
    .output(ZTemplateEntry)
    .mutation(({ ctx, input }) => resetEmailTemplate({ db: ctx.db, product: input.product })),

  preview: ownerProcedure
    .input(ZTemplateUpdateInput)
    .output(ZTemplatePreviewOutput)
    .query(({ ctx, input: { product, ...template } }) =>
      previewEmailTemplate({ db: ctx.db, product, template }),
    ),
});

export const mailRouter = createRouter({
  /** Whether the outbox can send: the UI says plainly when it cannot. Never returns the password. */
  status: ownerProcedure
    .input(ZEmpty)
    .output(ZMailStatusOutput)
    .query(({ ctx }) => getMailStatus(ctx.settings, ctx.mailFallback)),

  updateSettings: ownerProcedure
    .input(ZMailUpdateSettingsInput)
    .output(ZMailStatusOutput)
    .mutation(({ ctx, input }) => {
      updateMailSettings({ settings: ctx.settings, smtpUrl: input.smtpUrl || undefined, from: input.from });
      return getMailStatus(ctx.settings, ctx.mailFallback);
    }),

  /** A test email to the owner through the outbox and SMTP; follow it with outbox.get. */
  sendTest: ownerProcedure
    .input(ZMailSendTestInput)
    .output(ZMailSendTestOutput)
    .mutation(({ ctx, input }) =>
      queueTestEmail({
        db: ctx.db,
        settings: ctx.settings,
        fallback: ctx.mailFallback,
        requestId: input.requestId,
        now: ctx.now(),
      }),
    ),

  outbox: outboxRouter,
  template: templateRouter,
});
