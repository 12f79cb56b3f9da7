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
  ZLicenseResendGetInput,
  ZLicenseResendGetOutput,
  ZLicenseResendPreviewInput,
  ZLicenseResendPreviewOutput,
  ZLicenseResendSendInput,
  ZLicenseResendSendOutput,
} from './license-resend.schemas.ts';

function mailFrom(ctx: Context): string | null {
  return resolveMailConfig(ctx.settings, ctx.mailFallback)?.from ?? null;
}

function isMailConfigured(ctx: Context): boolean {
  return getMailStatus(ctx.settings, ctx.mailFallback).isConfigured;
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
    .query(async ({ ctx, input }) => ({
      ...(await previewLicenseResend({
        db: ctx.db,
        licenseId: input.licenseId,
        toAddress: input.toAddress ?? null,
        fromAddress: mailFrom(ctx),
      })),
      isMailConfigured: isMailConfigured(ctx),
    })),

  send: ownerProcedure
    .input(ZLicenseResendSendInput)
    .output(ZLicenseResendSendOutput)
    .mutation(async ({ ctx, input }) => ({
      ...(await resendLicenseKey({
        db: ctx.db,
        licenseId: input.licenseId,
        toAddress: input.toAddress ?? null,
        requestId: input.requestId,
        fromAddress: mailFrom(ctx),
        ip: ctx.request.ip,
        now: ctx.now(),
      })),
      isMailConfigured: isMailConfigured(ctx),
    })),
});
