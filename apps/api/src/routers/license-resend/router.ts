import {
  getLicenseForResend,
  getMailStatus,
  previewLicenseResend,
  RESEND_HISTORY_LIMIT,
  resendLicenseKey,
  resolveMailConfig,
} from '@keydesk/mail';
import type { Context } from '../../context.ts';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import {
  type TLicenseResendPreviewInput,
  ZLicenseResendGetInput,
  ZLicenseResendGetOutput,
  ZLicenseResendPreviewInput,
  ZLicenseResendPreviewOutput,
  ZLicenseResendSendInput,
  ZLicenseResendSendOutput,
} from './license-resend.schemas.ts';

/** The license and both addresses, shared so the preview shows the very email that send would queue. */
function resendEnvelope(ctx: Context, input: TLicenseResendPreviewInput) {
  const from = resolveMailConfig(ctx.settings, ctx.mailFallback)?.from ?? null;
  return { db: ctx.db, licenseId: input.licenseId, toAddress: input.toAddress ?? null, fromAddress: from };
}

/** The dialog warns that an email would wait in the outbox until SMTP is set up. */
async function withMailConfigured<T extends object>(ctx: Context, result: Promise<T>) {
  return { ...(await result), isMailConfigured: getMailStatus(ctx.settings, ctx.mailFallback).isConfigured };
}

export const licenseResendRouter = createRouter({
  get: ownerProcedure
    .input(ZLicenseResendGetInput)
    .output(ZLicenseResendGetOutput)
    .query(async ({ ctx, input }) => ({
      ...(await getLicenseForResend({ db: ctx.db, licenseId: input.licenseId })),
      historyLimit: RESEND_HISTORY_LIMIT,
    })),

  preview: ownerProcedure
    .input(ZLicenseResendPreviewInput)
    .output(ZLicenseResendPreviewOutput)
    .query(({ ctx, input }) => withMailConfigured(ctx, previewLicenseResend(resendEnvelope(ctx, input)))),

  send: ownerProcedure
    .input(ZLicenseResendSendInput)
    .output(ZLicenseResendSendOutput)
    .mutation(({ ctx, input }) =>
      withMailConfigured(
        ctx,
        resendLicenseKey({
          ...resendEnvelope(ctx, input),
          requestId: input.requestId,
          ip: ctx.request.ip,
          now: ctx.now(),
        }),
      ),
    ),
});
