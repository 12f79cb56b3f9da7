import {
  getLicenseForResend,
  getMailStatus,
  LicenseResendError,
  previewLicenseResend,
  RESEND_HISTORY_LIMIT,
  resendLicenseKey,
  resolveMailConfig,
} from '@keydesk/mail';
import { TRPCError } from '@trpc/server';
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

const ERROR_CODES = {
  NOT_FOUND: 'NOT_FOUND',
  BLOCKED: 'PRECONDITION_FAILED',
  NO_ADDRESS: 'BAD_REQUEST',
} as const;

/** Domain refusals become tRPC errors with the domain's sentence; anything else stays a 500. */
async function asTrpc<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LicenseResendError)
      throw new TRPCError({ code: ERROR_CODES[error.code], message: error.message });
    throw error;
  }
}

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
    .query(({ ctx, input }) =>
      asTrpc(async () => ({
        ...(await getLicenseForResend({ db: ctx.db, licenseId: input.licenseId })),
        historyLimit: RESEND_HISTORY_LIMIT,
      })),
    ),

  preview: ownerProcedure
    .input(ZLicenseResendPreviewInput)
    .output(ZLicenseResendPreviewOutput)
    .query(({ ctx, input }) =>
      asTrpc(async () => ({
        ...(await previewLicenseResend({
          db: ctx.db,
          licenseId: input.licenseId,
          toAddress: input.toAddress ?? null,
          fromAddress: mailFrom(ctx),
        })),
        isMailConfigured: isMailConfigured(ctx),
      })),
    ),

  send: ownerProcedure
    .input(ZLicenseResendSendInput)
    .output(ZLicenseResendSendOutput)
    .mutation(({ ctx, input }) =>
      asTrpc(async () => ({
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
    ),
});
